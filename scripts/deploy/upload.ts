/**
 * `npm run upload` (ci.upload: a new development version in the mini program's admin) and
 * `npm run preview` (ci.preview: a QR code in this terminal to open the build on a phone). Both
 * send dist/weapp, so build it first with the production flags (see docs/operations/wechat-cloud.md).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ciProject, loadCi, parseArgs, ROOT, type CiModule } from './ci-project';
import { CredentialError, readCredentials } from './credentials';

export interface UploadDeps {
  env: Record<string, string | undefined>;
  ci: () => CiModule;
  log: (line: string) => void;
  /** The built mini program (dist/weapp by default). */
  weappDir?: string;
}

/** The same compile settings WeChat DevTools would use for this project (project.config.json). */
const SETTING = {
  es6: false,
  es7: false,
  minify: true,
  minifyJS: true,
  minifyWXML: true,
  minifyWXSS: true,
  autoPrefixWXSS: true,
};

export async function uploadMiniProgram(argv: string[], deps: UploadDeps): Promise<number> {
  const { flags, values } = parseArgs(argv);
  const preview = flags.has('preview');
  const credentials = readCredentials(deps.env, { cloudEnv: false });
  const weappDir = deps.weappDir ?? join(ROOT, 'dist/weapp');
  if (!existsSync(join(weappDir, 'app.json'))) {
    throw new CredentialError([
      `${weappDir}/app.json does not exist: run \`npm run build:weapp\` first (with TARO_APP_CLOUD_ENV or TARO_APP_API_MODE=http set)`,
    ]);
  }
  const version =
    values.version ?? (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const desc = values.desc ?? deps.env.WX_UPLOAD_DESC ?? `storefront ${version}`;
  const robot = Number(values.robot ?? deps.env.WX_CI_ROBOT ?? 1);
  const ci = deps.ci();
  const project = ciProject(ci, credentials);
  const onProgressUpdate = (task: unknown) => deps.log(typeof task === 'string' ? task : JSON.stringify(task));
  if (preview) {
    deps.log(`previewing ${credentials.appid}: scan the QR code below with WeChat`);
    await ci.preview({
      project,
      desc,
      setting: SETTING,
      robot,
      qrcodeFormat: 'terminal',
      qrcodeOutputDest: join(ROOT, 'build/preview-qrcode.txt'),
      onProgressUpdate,
    });
  } else {
    deps.log(`uploading ${credentials.appid} version ${version} ("${desc}")`);
    await ci.upload({ project, version, desc, setting: SETTING, robot, onProgressUpdate });
    deps.log(`uploaded version ${version}: submit it for review at mp.weixin.qq.com → 管理 → 版本管理`);
  }
  return 0;
}

if (require.main === module) {
  uploadMiniProgram(process.argv.slice(2), { env: process.env, ci: loadCi, log: (l) => console.log(l) })
    .then((code) => process.exit(code))
    .catch((error) => {
      console.error(error instanceof CredentialError ? error.message : error);
      process.exit(1);
    });
}
