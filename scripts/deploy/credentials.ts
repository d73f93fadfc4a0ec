import { readFileSync } from 'node:fs';

/**
 * miniprogram-ci credentials (upload, preview), from the environment. Every missing or unreadable one is reported at
 * once, with where to get it, before anything talks to WeChat.
 */
export interface CiCredentials {
  appid: string;
  privateKeyPath: string;
  /** The cloud environment id (functions only). */
  cloudEnv: string;
}

export class CredentialError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Missing or unusable credentials, nothing was sent to WeChat:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.name = 'CredentialError';
  }
}

const WHERE_KEY =
  "download the code-upload key at mp.weixin.qq.com → 开发管理 → 开发设置 → 小程序代码上传 → 生成 (and add this machine's IP to the whitelist there, or turn the whitelist off)";

const NO_CLOUD_ENV =
  'WX_CLOUD_ENV is not set: the cloud environment id, WeChat DevTools → 云开发 → 设置 → 环境名称/环境 ID';

export function readCredentials(env: Record<string, string | undefined>, needs: { cloudEnv: boolean }): CiCredentials {
  const problems: string[] = [];
  const appid = env.WX_APPID ?? '';
  if (!appid) problems.push("WX_APPID is not set: the mini program's AppID, mp.weixin.qq.com → 开发管理 → 开发设置");
  else if (!/^wx[0-9a-f]{16}$/.test(appid))
    problems.push(`WX_APPID ${appid} is not an AppID (wx followed by 16 hex characters)`);
  const privateKeyPath = env.WX_PRIVATE_KEY_PATH ?? '';
  if (!privateKeyPath) problems.push(`WX_PRIVATE_KEY_PATH is not set: the path of private.<appid>.key; ${WHERE_KEY}`);
  else {
    try {
      if (!/-----BEGIN (RSA )?PRIVATE KEY-----/.test(readFileSync(privateKeyPath, 'utf8'))) {
        problems.push(
          `WX_PRIVATE_KEY_PATH points at ${privateKeyPath}, which is not a private key (PEM); ${WHERE_KEY}`,
        );
      }
    } catch (error) {
      problems.push(
        `WX_PRIVATE_KEY_PATH points at ${privateKeyPath}, which cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}); ${WHERE_KEY}`,
      );
    }
  }
  const cloudEnv = env.WX_CLOUD_ENV ?? '';
  if (needs.cloudEnv && !cloudEnv) problems.push(NO_CLOUD_ENV);
  if (problems.length > 0) throw new CredentialError(problems);
  return { appid, privateKeyPath, cloudEnv };
}

/**
 * What the function deployment signs its CloudBase API calls with: a Tencent Cloud API key of the
 * account that owns the environment (not the mini program's code-upload key, which only
 * miniprogram-ci accepts), and the environment id.
 */
export interface CloudCredentials {
  secretId: string;
  secretKey: string;
  /** Only with temporary keys (STS). */
  token?: string;
  envId: string;
}

const WHERE_API_KEY =
  "a Tencent Cloud API key of the account that owns the cloud environment: console.cloud.tencent.com → 访问管理 → API密钥管理 (sign in with the mini program's account, 微信公众平台 login)";

export function readCloudCredentials(env: Record<string, string | undefined>): CloudCredentials {
  const problems: string[] = [];
  const secretId = env.TCB_SECRET_ID ?? '';
  if (!secretId) problems.push(`TCB_SECRET_ID is not set: the SecretId of ${WHERE_API_KEY}`);
  else if (!/^AKID[0-9A-Za-z]{10,}$/.test(secretId))
    problems.push('TCB_SECRET_ID is not a Tencent Cloud SecretId (AKID followed by letters and digits)');
  const secretKey = env.TCB_SECRET_KEY ?? '';
  if (!secretKey) problems.push(`TCB_SECRET_KEY is not set: the SecretKey of ${WHERE_API_KEY}`);
  const envId = env.WX_CLOUD_ENV ?? '';
  if (!envId) problems.push(NO_CLOUD_ENV);
  if (problems.length > 0) throw new CredentialError(problems);
  return { secretId, secretKey, token: env.TCB_SESSION_TOKEN || undefined, envId };
}
