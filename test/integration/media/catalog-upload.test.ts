import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../support/databases';
import { startGateway, type Gateway } from '../../../cloudfunctions/gateway/server';
import { demoStore } from '../../../cloudfunctions/core/db/seed/demo-store.data';

const BASE = 'https://shop.example.com';

describeEachDatabase('catalog pictures uploaded by the manager', (use) => {
  let gateway: Gateway;
  let mediaDir: string;
  let png: Buffer;

  const upload = async (bytes: Buffer, openid: string | null) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)]), 'picture.png');
    const res = await fetch(`${gateway.url}/api/media/catalog`, {
      method: 'POST',
      headers: openid ? { 'x-dev-openid': openid } : {},
      body: form,
    });
    return { status: res.status, json: (await res.json()) as any };
  };
  const stored = () => (existsSync(join(mediaDir, 'catalog')) ? readdirSync(join(mediaDir, 'catalog')) : []);

  beforeAll(async () => {
    mediaDir = mkdtempSync(join(tmpdir(), 'catalog-upload-'));
    gateway = await startGateway({
      port: 0,
      db: use(),
      devAuth: true,
      logLevel: 'silent',
      rateLimit: false,
      mediaDir,
      mediaPublicBaseUrl: BASE,
    });
    const res = await fetch(`${gateway.url}/media/categories/${demoStore.categories[0]!.id}.png`);
    png = Buffer.from(await res.arrayBuffer());
  });
  afterAll(async () => {
    await gateway?.close();
    if (use().kind === 'postgres') {
      await use().close();
      await sleep(200);
    }
  });

  it('stores a manager’s PNG by its content and answers the file id and its URL', async () => {
    const first = await upload(png, 'demo-manager');
    expect(first.status).toBe(200);
    expect(first.json.data.fileId).toMatch(/^\/media\/catalog\/[0-9a-f]{24}\.png$/);
    expect(first.json.data.url).toBe(`${BASE}${first.json.data.fileId}`);
    const again = await upload(png, 'demo-manager');
    expect(again.json.data.fileId).toBe(first.json.data.fileId);
    expect(stored()).toHaveLength(1);
  });

  it('refuses customers, staff, anonymous callers and non-images, storing nothing more', async () => {
    const before = stored().length;
    expect((await upload(png, 'catalog-upload-customer')).json.error.code).toBe('FORBIDDEN');
    expect((await upload(png, 'demo-staff')).json.error.code).toBe('FORBIDDEN');
    expect((await upload(png, null)).json.error.code).toBe('UNAUTHENTICATED');
    expect((await upload(Buffer.from('<svg/>'), 'demo-manager')).json.error.code).toBe('MEDIA_TYPE_UNSUPPORTED');
    expect(stored()).toHaveLength(before);
  });
});
