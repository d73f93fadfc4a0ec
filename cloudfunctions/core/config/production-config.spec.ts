import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Env } from './env';
import { checkCloudConfig, ConfigError, loadGatewayConfig } from './production-config';
import { tradeManagement } from './trade-management';

const dir = mkdtempSync(join(tmpdir(), 'config-spec-'));
const pair = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});
writeFileSync(join(dir, 'apiclient_key.pem'), pair.privateKey);
writeFileSync(join(dir, 'wxpay_pub.pem'), pair.publicKey);

/** A complete, valid production environment for a self-hosted gateway; each test breaks one thing. */
const production: Env = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://shop:pw@db.internal:5432/shop',
  MEMBER_CODE_SECRET: 'm'.repeat(32),
  SESSION_SECRET: 's'.repeat(48),
  WX_APPID: 'wx0123456789abcdef',
  WX_SECRET: '0123456789abcdef0123456789abcdef',
  WXPAY_MCHID: '1900000109',
  WXPAY_CERT_SERIAL: '3775B6A45ACD588826D15E583A95F5DD',
  WXPAY_PRIVATE_KEY_PATH: join(dir, 'apiclient_key.pem'),
  WXPAY_APIV3_KEY: 'k'.repeat(32),
  WXPAY_PLATFORM_KEY_PATH: join(dir, 'wxpay_pub.pem'),
  WXPAY_PLATFORM_SERIAL: 'PUB_KEY_ID_0114232134912410000000000000',
  WXPAY_NOTIFY_BASE: 'https://shop.example.com',
};

/** The problems loadGatewayConfig reports for `env`. */
function problems(env: Env): string[] {
  try {
    loadGatewayConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('gateway configuration at start', () => {
  it('accepts a complete production environment', () => {
    const config = loadGatewayConfig(production);
    expect(config).toMatchObject({
      production: true,
      devAuth: false,
      databaseUrl: production.DATABASE_URL,
      auth: { appid: 'wx0123456789abcdef', sessionTtlSeconds: 168 * 3600 },
    });
    expect(config.wxpay?.platformKeys).toHaveProperty('PUB_KEY_ID_0114232134912410000000000000');
  });

  it('local mode needs nothing (PGlite, dev sign-in)', () => {
    expect(loadGatewayConfig({ DEV_AUTH: '1' })).toMatchObject({
      production: false,
      devAuth: true,
      auth: null,
      wxpay: null,
    });
  });

  it.each([
    [
      'DEV_AUTH=1 in production',
      { DEV_AUTH: '1' },
      'DEV_AUTH=1 is refused when NODE_ENV=production: dev sign-in lets anyone act as anyone; unset DEV_AUTH',
    ],
    [
      'no DATABASE_URL',
      { DATABASE_URL: undefined },
      'DATABASE_URL is not set: a Postgres connection string, postgres://user:password@host:5432/dbname',
    ],
    [
      'a DATABASE_URL that is not Postgres',
      { DATABASE_URL: 'mysql://db/shop' },
      'DATABASE_URL is not a postgres:// URL with a host and a database name',
    ],
    [
      'no MEMBER_CODE_SECRET',
      { MEMBER_CODE_SECRET: undefined },
      'MEMBER_CODE_SECRET is not set: generate one with `openssl rand -hex 32`',
    ],
    [
      'a short MEMBER_CODE_SECRET',
      { MEMBER_CODE_SECRET: 'short-secret' },
      'MEMBER_CODE_SECRET is too short (12 characters): at least 32; generate one with `openssl rand -hex 32`',
    ],
    [
      'no SESSION_SECRET',
      { SESSION_SECRET: undefined },
      'SESSION_SECRET is not set: generate one with `openssl rand -hex 32`',
    ],
    [
      'a short SESSION_SECRET',
      { SESSION_SECRET: 'x'.repeat(31) },
      'SESSION_SECRET is too short (31 characters): at least 32; generate one with `openssl rand -hex 32`',
    ],
    [
      'no WX_APPID',
      { WX_APPID: undefined },
      "WX_APPID is not set: the mini program's AppID, mp.weixin.qq.com → 开发管理 → 开发设置",
    ],
    [
      'no WX_SECRET',
      { WX_SECRET: undefined },
      'WX_SECRET is not set: the AppSecret, mp.weixin.qq.com → 开发管理 → 开发设置',
    ],
    [
      'a bad SESSION_TTL_HOURS',
      { SESSION_TTL_HOURS: '0.5' },
      'SESSION_TTL_HOURS must be a whole number of hours from 1 to 720',
    ],
    [
      'an APIv3 key of the wrong length',
      { WXPAY_APIV3_KEY: 'k'.repeat(31) },
      'WXPAY_APIV3_KEY must be exactly 32 bytes (it is 31)',
    ],
    [
      'an http notify base',
      { WXPAY_NOTIFY_BASE: 'http://shop.example.com' },
      'WXPAY_NOTIFY_BASE must be an https:// origin without a path (WeChat Pay only notifies HTTPS)',
    ],
    [
      'no merchant id',
      { WXPAY_MCHID: undefined },
      'WXPAY_MCHID is not set: the merchant id (商户号), pay.weixin.qq.com → 账户中心 → API安全',
    ],
  ])('refuses %s, with its message', (_what, change, message) => {
    expect(problems({ ...production, ...change })).toEqual([message]);
  });

  it('accepts two WeChat Pay keys during a rotation, one serial per key file, and refuses lists that do not pair up', () => {
    const rotating = {
      ...production,
      WXPAY_PLATFORM_KEY_PATH: `${production.WXPAY_PLATFORM_KEY_PATH},${production.WXPAY_PLATFORM_KEY_PATH}`,
      WXPAY_PLATFORM_SERIAL: 'PUB_KEY_ID_OLD,PUB_KEY_ID_NEW',
    };
    expect(Object.keys(loadGatewayConfig(rotating).wxpay!.platformKeys)).toEqual(['PUB_KEY_ID_OLD', 'PUB_KEY_ID_NEW']);
    expect(problems({ ...rotating, WXPAY_PLATFORM_SERIAL: 'PUB_KEY_ID_OLD' })).toEqual([
      'WXPAY_PLATFORM_SERIAL lists 1 serial(s) for 2 key file(s) in WXPAY_PLATFORM_KEY_PATH: one serial per key, in the same order',
    ]);
  });

  it('refuses an unreadable private key file, naming the variable, the path and the reason', () => {
    const path = join(dir, 'missing.pem');
    expect(problems({ ...production, WXPAY_PRIVATE_KEY_PATH: path })).toEqual([
      `WXPAY_PRIVATE_KEY_PATH points at ${path}, which cannot be read (ENOENT): apiclient_key.pem, the merchant API private key (pay.weixin.qq.com → 账户中心 → API安全)`,
    ]);
  });

  it('refuses a key file of the wrong kind (a public key where the private key belongs)', () => {
    expect(problems({ ...production, WXPAY_PRIVATE_KEY_PATH: join(dir, 'wxpay_pub.pem') })[0]).toMatch(
      /^WXPAY_PRIVATE_KEY_PATH points at .*wxpay_pub\.pem, which is not a PEM file of the expected kind/,
    );
  });

  it('lists every problem at once, in one error whose message names them all', () => {
    const error = (() => {
      try {
        loadGatewayConfig({ NODE_ENV: 'production', DEV_AUTH: '1' });
      } catch (e) {
        return e as ConfigError;
      }
      throw new Error('expected a ConfigError');
    })();
    expect(error.problems.length).toBeGreaterThanOrEqual(10);
    expect(error.message).toMatch(
      /^Refusing to start, the configuration has \d+ problem\(s\):\n  - DEV_AUTH=1 is refused/,
    );
  });
});

describe('cloud function configuration at start', () => {
  const cloud = {
    DATABASE_URL: production.DATABASE_URL,
    MEMBER_CODE_SECRET: 'm'.repeat(32),
    WX_PAY_SUB_MCH_ID: '1900000109',
  };
  const cloudProblems = (env: Env, needs = { database: true, cloudPay: true }) => {
    try {
      checkCloudConfig(env, needs);
      return [];
    } catch (error) {
      return (error as ConfigError).problems;
    }
  };

  it('accepts database, secret and merchant id', () => {
    expect(cloudProblems(cloud)).toEqual([]);
  });

  it('refuses a missing DATABASE_URL, a short member-code secret, a missing merchant id', () => {
    expect(cloudProblems({ ...cloud, DATABASE_URL: undefined })).toEqual([
      'DATABASE_URL is not set: a Postgres connection string, postgres://user:password@host:5432/dbname',
    ]);
    expect(cloudProblems({ ...cloud, MEMBER_CODE_SECRET: 'abc' })).toEqual([
      'MEMBER_CODE_SECRET is too short (3 characters): at least 32; generate one with `openssl rand -hex 32`',
    ]);
    expect(cloudProblems({ ...cloud, WX_PAY_SUB_MCH_ID: undefined })).toEqual([
      'WX_PAY_SUB_MCH_ID is not set: the merchant id bound to this cloud environment (云开发控制台 → 设置 → 其他设置 → 微信支付配置)',
    ]);
  });

  it('does not ask for a merchant id where the function never calls cloudPay', () => {
    expect(cloudProblems({ ...cloud, WX_PAY_SUB_MCH_ID: undefined }, { database: true, cloudPay: false })).toEqual([]);
  });
});

describe('发货信息管理 setting (WX_TRADE_MANAGED)', () => {
  const problem =
    'WX_TRADE_MANAGED is "yes": 1 when the mini program is under 发货信息管理 (mp.weixin.qq.com → 发货信息管理), 0 or unset otherwise';

  it('is off unless set to 1, and names the merchant payments go to (cloudPay first, then API v3)', () => {
    expect(tradeManagement({})).toEqual({ managed: false, merchantId: null });
    expect(tradeManagement({ WX_TRADE_MANAGED: '0', WXPAY_MCHID: '1900000001' })).toEqual({
      managed: false,
      merchantId: '1900000001',
    });
    expect(tradeManagement({ WX_TRADE_MANAGED: '1', WX_PAY_SUB_MCH_ID: '1900000109', WXPAY_MCHID: '1' })).toEqual({
      managed: true,
      merchantId: '1900000109',
    });
  });

  it('a value other than 0 or 1 stops a gateway and a cloud function at start', () => {
    expect(problems({ DEV_AUTH: '1', WX_TRADE_MANAGED: 'yes' })).toEqual([problem]);
    expect(problems({ DEV_AUTH: '1', WX_TRADE_MANAGED: '1' })).toEqual([]);
    const cloudEnv = { DATABASE_URL: production.DATABASE_URL, MEMBER_CODE_SECRET: 'm'.repeat(32) };
    expect(() =>
      checkCloudConfig({ ...cloudEnv, WX_TRADE_MANAGED: 'yes' }, { database: true, cloudPay: false }),
    ).toThrow(problem);
  });
});
