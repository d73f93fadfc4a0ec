import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../support/databases';
import { startGateway, type Gateway } from '../../../cloudfunctions/gateway/server';
import { demoStore } from '../../../cloudfunctions/core/db/seed/demo-store.data';
import { MEDIA_MAX_BYTES } from '../../../cloudfunctions/core/platform/media/upload-check';

const BASE = 'https://shop.example.com';
const productId = demoStore.products[0]!.id;
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer) {
  expect(bytes.subarray(0, 8).equals(PNG_MAGIC)).toBe(true);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describeEachDatabase('media through the gateway', (use) => {
  let gateway: Gateway;
  let mediaDir: string;
  let avatarPng: Buffer;

  const get = async (path: string) => {
    const res = await fetch(`${gateway.url}${path}`);
    return {
      status: res.status,
      type: res.headers.get('content-type') ?? '',
      bytes: Buffer.from(await res.arrayBuffer()),
    };
  };
  const callFn = async (fn: string, body: unknown, openid: string) => {
    const res = await fetch(`${gateway.url}/api/fn/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-dev-openid': openid },
      body: JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json()) as any };
  };
  /** What Taro.uploadFile sends: multipart/form-data with one file part. */
  const upload = async (bytes: Buffer, openid: string | null, name = 'avatar.png') => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)]), name);
    const res = await fetch(`${gateway.url}/api/media/avatar`, {
      method: 'POST',
      headers: openid ? { 'x-dev-openid': openid } : {},
      body: form,
    });
    return { status: res.status, json: (await res.json()) as any };
  };
  const filesUnder = (sub: string) => (existsSync(join(mediaDir, sub)) ? readdirSync(join(mediaDir, sub)) : []);

  beforeAll(async () => {
    mediaDir = mkdtempSync(join(tmpdir(), 'media-gw-'));
    gateway = await startGateway({
      port: 0,
      db: use(),
      devAuth: true,
      logLevel: 'silent',
      rateLimit: false,
      mediaDir,
      mediaPublicBaseUrl: BASE,
    });
    avatarPng = (await get(`/media/categories/${demoStore.categories[0]!.id}.png`)).bytes;
  });
  afterAll(async () => {
    await gateway?.close();
    if (use().kind === 'postgres') {
      await use().close();
      await sleep(200);
    }
  });

  it('renders a catalog PNG on first request, stores it, and serves the stored file after', async () => {
    const first = await get(`/media/products/${productId}/1.png`);
    expect(first.status).toBe(200);
    expect(first.type).toBe('image/png');
    expect(pngSize(first.bytes)).toEqual({ width: 750, height: 750 });
    const onDisk = readFileSync(join(mediaDir, 'products', productId, '1.png'));
    expect(onDisk.equals(first.bytes)).toBe(true);
    expect((await get(`/media/products/${productId}/1.png`)).bytes.equals(onDisk)).toBe(true);
  });

  it('share covers are 5:4 PNGs (product and store)', async () => {
    const product = await get(`/media/share/products/${productId}.png`);
    expect(product.type).toBe('image/png');
    expect(pngSize(product.bytes)).toEqual({ width: 500, height: 400 });
    expect(pngSize((await get('/media/share/store.png')).bytes)).toEqual({ width: 500, height: 400 });
  });

  it('an unknown or unsafe media path is 404', async () => {
    expect((await get('/media/products/p-nope/1.png')).status).toBe(404);
    expect((await get(`/media/products/${productId}/9.png`)).status).toBe(404);
    expect((await get('/media/avatars/nobody.png')).status).toBe(404);
    expect((await get('/media/..%2f..%2fetc/passwd')).status).toBe(404);
  });

  it('answers carry absolute URLs under MEDIA_PUBLIC_BASE_URL, with PNG renditions and a 5:4 share cover', async () => {
    const product = await callFn('catalog', { action: 'getProduct', data: { productId } }, 'media-reader');
    expect(product.json.data.images[0]).toBe(`${BASE}/media/products/${productId}/1.png`);
    expect(product.json.data.shareImage).toBe(`${BASE}/media/share/products/${productId}.png`);
    const home = await callFn('catalog', { action: 'home', data: {} }, 'media-reader');
    expect(home.json.data.shareImage).toBe(`${BASE}/media/share/store.png`);
    const urls = [
      ...home.json.data.banners.map((b: { image: string }) => b.image),
      ...home.json.data.categories.map((c: { icon: string }) => c.icon),
      ...home.json.data.featured.map((p: { image: string }) => p.image),
    ];
    for (const url of urls) expect(url).toMatch(new RegExp(`^${BASE}/media/.+\\.png$`));
    const card = await callFn('referral', { action: 'myInviteCard', data: {} }, 'media-reader');
    expect(card.json.data.shareImage).toMatch(new RegExp(`^${BASE}/media/share/.+\\.png$`));
  });

  it('a member uploads an avatar, sets it, and every answer shows its https URL', async () => {
    const up = await upload(avatarPng, 'media-avatar');
    expect(up.status).toBe(200);
    const { fileId, url } = up.json.data;
    expect(fileId).toMatch(/^\/media\/avatars\/[0-9a-f]{16}-[0-9a-f]{16}\.png$/);
    expect(url).toBe(`${BASE}${fileId}`);
    expect((await get(fileId)).bytes.equals(avatarPng)).toBe(true);

    const set = await callFn(
      'member',
      { action: 'updateProfile', data: { avatarUrl: fileId }, idempotencyKey: 'media-avatar-1' },
      'media-avatar',
    );
    expect(set.status).toBe(200);
    const me = await callFn('member', { action: 'me', data: {} }, 'media-avatar');
    expect(me.json.data.avatarUrl).toBe(url);
    const row = await use()
      .kysely.selectFrom('members')
      .select('avatar_url')
      .where('openid', '=', 'media-avatar')
      .executeTakeFirstOrThrow();
    expect(row.avatar_url).toBe(fileId);
  });

  it('refuses a non-image, an oversized image, a missing file and an anonymous upload, and stores nothing', async () => {
    const before = filesUnder('avatars').length;
    const svg = await upload(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'media-bad', 'a.png');
    expect({ status: svg.status, code: svg.json.error.code }).toEqual({ status: 400, code: 'MEDIA_TYPE_UNSUPPORTED' });
    const big = await upload(Buffer.concat([avatarPng, Buffer.alloc(MEDIA_MAX_BYTES)]), 'media-bad');
    expect({ status: big.status, code: big.json.error.code }).toEqual({ status: 413, code: 'MEDIA_TOO_LARGE' });
    const empty = await upload(Buffer.alloc(0), 'media-bad');
    expect(empty.json.error.code).toBe('MEDIA_EMPTY');
    const anonymous = await upload(avatarPng, null);
    expect({ status: anonymous.status, code: anonymous.json.error.code }).toEqual({
      status: 401,
      code: 'UNAUTHENTICATED',
    });
    const noFile = await fetch(`${gateway.url}/api/media/avatar`, {
      method: 'POST',
      headers: { 'x-dev-openid': 'media-bad', 'content-type': 'multipart/form-data; boundary=x' },
      body: '--x\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n--x--\r\n',
    });
    expect(((await noFile.json()) as any).error.code).toBe('VALIDATION_FAILED');
    expect(filesUnder('avatars').length).toBe(before);

    const someoneElses = await callFn(
      'member',
      { action: 'updateProfile', data: { avatarUrl: '/media/../secrets.png' }, idempotencyKey: 'media-bad-1' },
      'media-bad',
    );
    expect(someoneElses.json.error.code).toBe('VALIDATION_FAILED');
  });
});
