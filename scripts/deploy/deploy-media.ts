/**
 * `npm run deploy:media [-- --dry-run] [-- --env-file=.env.cloud] [-- --store=demo]`: renders every
 * catalog image of the store (PNG renditions of each row's art, and the 5:4 share covers) and uploads
 * them through the storage port's cloud implementation (`uploadFile`, cloudPath = the key under
 * /media/). The catalog comes from DATABASE_URL (the environment or the env file), else from the demo
 * seed. `--dry-run` lists what it would upload and needs no credentials, network or SDK. At the end it
 * prints the `MEDIA_CLOUD_ROOT` line for the env file. See docs/operations/wechat-cloud.md.
 */
import { catalogRenditionKeys, renditionOf } from '../../cloudfunctions/core/catalog';
import { openDb, type Db } from '../../cloudfunctions/core/db/db';
import { migrate } from '../../cloudfunctions/core/db/migrate';
import { seedDemoStore } from '../../cloudfunctions/core/db/seed/seed';
import { createWechatStorage, type CloudStorageSdk } from '../../cloudfunctions/core/platform/wechat/storage.wechat';
import { rasterize } from '../../cloudfunctions/gateway/rasterize';
import { parseArgs } from './ci-project';
import { CredentialError, readCloudCredentials, type CloudCredentials } from './credentials';
import { EnvFileError, readEnvFile } from './env-file';
import { DEFAULT_ENV_FILE } from './deploy-functions';

export interface DeployMediaDeps {
  env: Record<string, string | undefined>;
  /** The catalog's database for a URL, or the seeded demo catalog when there is none. */
  openCatalog: (databaseUrl: string | undefined) => Promise<{ db: Db; source: string; close(): Promise<void> }>;
  /** The storage calls of @cloudbase/node-sdk for these credentials (tests pass a recorder). */
  sdk: (credentials: CloudCredentials) => Promise<CloudStorageSdk>;
  render?: (svg: string, width: number) => Promise<Buffer>;
  log: (line: string) => void;
}

export class MissingStorageSdkError extends Error {
  constructor() {
    super(
      'deploy:media uploads with @cloudbase/node-sdk, which is not installed here. Install it where you deploy from:\n  npm i -D @cloudbase/node-sdk@^3',
    );
    this.name = 'MissingStorageSdkError';
  }
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

export async function deployMedia(argv: string[], deps: DeployMediaDeps): Promise<number> {
  const { flags, values } = parseArgs(argv);
  const dryRun = flags.has('dry-run');
  // Credentials first: an upload that cannot authenticate fails before anything is rendered.
  const credentials = dryRun ? null : readCloudCredentials(deps.env);
  const envPath = values['env-file'] ?? DEFAULT_ENV_FILE;
  const envFile = readEnvFile(envPath);
  const storeId = values.store ?? deps.env.STORE_ID ?? envFile?.STORE_ID ?? 'demo';
  const catalog = await deps.openCatalog(deps.env.DATABASE_URL ?? envFile?.DATABASE_URL);
  const render = deps.render ?? rasterize;
  try {
    // The store share cover is drawn from the banner showing as it is uploaded.
    const now = new Date();
    const keys = await catalogRenditionKeys(catalog.db.kysely, storeId, now);
    deps.log(`catalog: store ${storeId} from ${catalog.source}, ${keys.length} images`);
    const storage = credentials ? createWechatStorage(await deps.sdk(credentials)) : null;
    let total = 0;
    let root: string | null = null;
    for (const key of keys) {
      const rendition = await renditionOf(catalog.db.kysely, storeId, key, now);
      if (!rendition) throw new Error(`no art behind ${key}`);
      const png = await render(rendition.svg, rendition.width);
      total += png.length;
      if (!storage) {
        deps.log(`would upload ${key} (${kb(png.length)}, ${rendition.width} px wide)`);
        continue;
      }
      const fileId = await storage.put(png, key, 'image/png');
      if (!fileId.endsWith(`/${key}`)) throw new Error(`cloud storage answered ${fileId} for ${key}`);
      root ??= fileId.slice(0, -key.length - 1);
      deps.log(`uploaded ${key} (${kb(png.length)}) -> ${fileId}`);
    }
    if (!storage) {
      deps.log(`dry run: ${keys.length} PNGs, ${kb(total)} in all; nothing uploaded`);
      return 0;
    }
    deps.log(`uploaded ${keys.length} PNGs (${kb(total)}) to ${credentials!.envId}`);
    if (root)
      deps.log(`add to ${envPath} (every function reads it) and deploy the functions again:\nMEDIA_CLOUD_ROOT=${root}`);
    return 0;
  } finally {
    await catalog.close();
  }
}

/** The shop's database when there is one, else a throw-away database with the demo catalog. */
async function openCatalog(databaseUrl: string | undefined) {
  if (databaseUrl) {
    const db = await openDb({ databaseUrl, poolSize: 2 });
    return { db, source: 'DATABASE_URL', close: () => db.close() };
  }
  const db = await openDb({});
  await migrate(db);
  await seedDemoStore(db.kysely);
  return { db, source: 'the demo seed (no DATABASE_URL)', close: () => db.close() };
}

async function cloudbaseStorage(credentials: CloudCredentials): Promise<CloudStorageSdk> {
  let tcb: { init(options: Record<string, unknown>): CloudStorageSdk };
  try {
    // Not a dependency: only a deploying machine installs it (see the error's command).
    tcb = require('@cloudbase/node-sdk');
  } catch {
    throw new MissingStorageSdkError();
  }
  const app = tcb.init({
    env: credentials.envId,
    secretId: credentials.secretId,
    secretKey: credentials.secretKey,
    sessionToken: credentials.token,
  });
  return {
    uploadFile: (params) => app.uploadFile(params),
    getTempFileURL: (params) => app.getTempFileURL(params),
  };
}

if (require.main === module) {
  deployMedia(process.argv.slice(2), {
    env: process.env,
    openCatalog,
    sdk: cloudbaseStorage,
    log: (l) => console.log(l),
  })
    .then((code) => process.exit(code))
    .catch((error) => {
      const known = [CredentialError, EnvFileError, MissingStorageSdkError].some((E) => error instanceof E);
      console.error(known ? error.message : error);
      process.exit(1);
    });
}
