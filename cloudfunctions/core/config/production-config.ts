import { readFileSync } from 'node:fs';
import { tradeManagedProblems } from './trade-management';
import type { Env } from './env';

/**
 * Configuration checked when a gateway or a cloud function starts. In production (NODE_ENV=production,
 * or any WeChat Cloud function) a missing or weak setting stops the start with a message naming the
 * variable and where its value comes from, instead of failing later on a customer's request.
 */

/** Secrets sign member codes and sessions: anything shorter is guessable offline. */
const MIN_SECRET_LENGTH = 32;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Refusing to start, the configuration has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.name = 'ConfigError';
  }
}

export interface WxpayV3Config {
  mchid: string;
  /** Serial number of the merchant API certificate (sent in every request's Authorization). */
  certSerial: string;
  privateKeyPem: string;
  /** The 32-byte APIv3 key that encrypts notification resources. */
  apiV3Key: string;
  /** WeChat Pay's platform public key (or certificate), by its serial (`Wechatpay-Serial`). */
  platformKeys: Record<string, string>;
  /** Public HTTPS base of this gateway; notify URLs are `${notifyBase}/api/wxpay/v3/notify/...`. */
  notifyBase: string;
}

export interface GatewayConfig {
  production: boolean;
  devAuth: boolean;
  databaseUrl: string | undefined;
  /** Present when self-hosted sign-in is configured (always in production). */
  auth: { sessionSecret: string; appid: string; appSecret: string; sessionTtlSeconds: number } | null;
  wxpay: WxpayV3Config | null;
}

const isProduction = (env: Env) => env.NODE_ENV === 'production';

function secret(
  env: Env,
  name: string,
  problems: string[],
  howTo = 'generate one with `openssl rand -hex 32`',
): string {
  const value = env[name];
  if (!value) problems.push(`${name} is not set: ${howTo}`);
  else if (value.length < MIN_SECRET_LENGTH) {
    problems.push(`${name} is too short (${value.length} characters): at least ${MIN_SECRET_LENGTH}; ${howTo}`);
  }
  return value ?? '';
}

function databaseUrl(env: Env, problems: string[]): string | undefined {
  const url = env.DATABASE_URL;
  if (!url)
    problems.push('DATABASE_URL is not set: a Postgres connection string, postgres://user:password@host:5432/dbname');
  else if (!/^postgres(ql)?:\/\/[^/]+\/[^/?]+/.test(url))
    problems.push('DATABASE_URL is not a postgres:// URL with a host and a database name');
  return url;
}

function devAuthRefused(env: Env, problems: string[]): boolean {
  const devAuth = env.DEV_AUTH === '1';
  if (devAuth && isProduction(env)) {
    problems.push(
      'DEV_AUTH=1 is refused when NODE_ENV=production: dev sign-in lets anyone act as anyone; unset DEV_AUTH',
    );
  }
  return devAuth;
}

function readPem(env: Env, name: string, kind: RegExp, problems: string[], whereFrom: string): string {
  const path = env[name];
  if (!path) {
    problems.push(`${name} is not set: the path of ${whereFrom}`);
    return '';
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    problems.push(
      `${name} points at ${path}, which cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}): ${whereFrom}`,
    );
    return '';
  }
  if (!kind.test(text))
    problems.push(`${name} points at ${path}, which is not a PEM file of the expected kind: ${whereFrom}`);
  return text;
}

/** WeChat Pay API v3 for a self-hosted gateway; every variable is required once any is set (and in production). */
function wxpayV3(env: Env, problems: string[]): WxpayV3Config | null {
  const names = [
    'WXPAY_MCHID',
    'WXPAY_CERT_SERIAL',
    'WXPAY_PRIVATE_KEY_PATH',
    'WXPAY_APIV3_KEY',
    'WXPAY_PLATFORM_KEY_PATH',
    'WXPAY_PLATFORM_SERIAL',
    'WXPAY_NOTIFY_BASE',
  ];
  if (!isProduction(env) && names.every((n) => !env[n])) return null;
  const merchantPortal = 'pay.weixin.qq.com → 账户中心 → API安全';
  const must = (name: string, what: string) => {
    if (!env[name]) problems.push(`${name} is not set: ${what}`);
    return env[name] ?? '';
  };
  const mchid = must('WXPAY_MCHID', `the merchant id (商户号), ${merchantPortal}`);
  if (mchid && !/^\d{8,12}$/.test(mchid)) problems.push('WXPAY_MCHID must be the numeric merchant id (商户号)');
  const certSerial = must('WXPAY_CERT_SERIAL', `the serial number of the merchant API certificate, ${merchantPortal}`);
  const privateKeyPem = readPem(
    env,
    'WXPAY_PRIVATE_KEY_PATH',
    /-----BEGIN (RSA )?PRIVATE KEY-----/,
    problems,
    `apiclient_key.pem, the merchant API private key (${merchantPortal})`,
  );
  const apiV3Key = must('WXPAY_APIV3_KEY', `the APIv3 key you set in ${merchantPortal}`);
  if (apiV3Key && Buffer.byteLength(apiV3Key) !== 32)
    problems.push(`WXPAY_APIV3_KEY must be exactly 32 bytes (it is ${Buffer.byteLength(apiV3Key)})`);
  // Comma-separated lists, pairwise: while WeChat Pay rotates its key, the old and the new both verify.
  const platformWhat = `the WeChat Pay public key (微信支付公钥) or platform certificate, ${merchantPortal}`;
  const paths = (env.WXPAY_PLATFORM_KEY_PATH ?? '').split(',').filter(Boolean);
  const pems = (paths.length > 0 ? paths : ['']).map((path) =>
    readPem(
      { WXPAY_PLATFORM_KEY_PATH: path || undefined },
      'WXPAY_PLATFORM_KEY_PATH',
      /-----BEGIN (PUBLIC KEY|CERTIFICATE)-----/,
      problems,
      platformWhat,
    ),
  );
  const serials = must('WXPAY_PLATFORM_SERIAL', 'the serial (or PUB_KEY_ID_...) of that WeChat Pay key')
    .split(',')
    .filter(Boolean);
  if (paths.length > 0 && serials.length > 0 && serials.length !== paths.length) {
    problems.push(
      `WXPAY_PLATFORM_SERIAL lists ${serials.length} serial(s) for ${paths.length} key file(s) in WXPAY_PLATFORM_KEY_PATH: one serial per key, in the same order`,
    );
  }
  const notifyBase = must(
    'WXPAY_NOTIFY_BASE',
    'the public HTTPS origin of this gateway, e.g. https://shop.example.com',
  );
  if (notifyBase && !/^https:\/\/[^/]+$/.test(notifyBase))
    problems.push('WXPAY_NOTIFY_BASE must be an https:// origin without a path (WeChat Pay only notifies HTTPS)');
  return {
    mchid,
    certSerial,
    privateKeyPem,
    apiV3Key,
    platformKeys: Object.fromEntries(serials.map((serial, i) => [serial, pems[i] ?? ''])),
    notifyBase,
  };
}

/** Checks a self-hosted or local gateway's environment; throws ConfigError listing every problem. */
export function loadGatewayConfig(env: Env): GatewayConfig {
  const problems: string[] = [];
  const production = isProduction(env);
  const devAuth = devAuthRefused(env, problems);
  const url = production ? databaseUrl(env, problems) : env.DATABASE_URL || undefined;
  if (production) secret(env, 'MEMBER_CODE_SECRET', problems);
  const wxpay = wxpayV3(env, problems);
  let auth: GatewayConfig['auth'] = null;
  // WeChat Pay needs the AppID too, so configuring it brings in sign-in.
  if (production || wxpay || env.SESSION_SECRET || env.WX_APPID) {
    const sessionSecret = secret(env, 'SESSION_SECRET', problems);
    const appid = env.WX_APPID ?? '';
    if (!/^wx[0-9a-f]{16}$/.test(appid))
      problems.push(
        `WX_APPID ${appid ? 'is not an AppID (wx + 16 hex)' : 'is not set'}: the mini program's AppID, mp.weixin.qq.com → 开发管理 → 开发设置`,
      );
    const appSecret = env.WX_SECRET ?? '';
    if (!/^[0-9a-f]{32}$/.test(appSecret))
      problems.push(
        `WX_SECRET ${appSecret ? 'is not a 32-character AppSecret' : 'is not set'}: the AppSecret, mp.weixin.qq.com → 开发管理 → 开发设置`,
      );
    const hours = Number(env.SESSION_TTL_HOURS ?? 168);
    if (!Number.isInteger(hours) || hours < 1 || hours > 720)
      problems.push('SESSION_TTL_HOURS must be a whole number of hours from 1 to 720');
    auth = { sessionSecret, appid, appSecret, sessionTtlSeconds: hours * 3600 };
  }
  tradeManagedProblems(env, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  return { production, devAuth, databaseUrl: url, auth, wxpay };
}

/**
 * A WeChat Cloud function's environment (set per function in the cloud console, or by
 * `npm run deploy:functions`): the database, the member-code secret, and the merchant id for
 * functions that call cloudPay.
 */
export function checkCloudConfig(
  env: Env,
  needs: { database: boolean; cloudPay: boolean; memberCodeSecret?: boolean },
): void {
  const problems: string[] = [];
  devAuthRefused(env, problems);
  if (needs.database) databaseUrl(env, problems);
  if (needs.memberCodeSecret ?? true) secret(env, 'MEMBER_CODE_SECRET', problems);
  if (needs.cloudPay && !/^\d{8,12}$/.test(env.WX_PAY_SUB_MCH_ID ?? '')) {
    problems.push(
      'WX_PAY_SUB_MCH_ID is not set: the merchant id bound to this cloud environment (云开发控制台 → 设置 → 其他设置 → 微信支付配置)',
    );
  }
  tradeManagedProblems(env, problems);
  if (problems.length > 0) throw new ConfigError(problems);
}
