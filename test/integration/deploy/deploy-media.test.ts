import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openPgliteFromTemplate } from '../../support/databases';
import { demoStore } from '../../../cloudfunctions/core/db/seed/demo-store.data';
import { deployMedia, type DeployMediaDeps } from '../../../scripts/deploy/deploy-media';
import { CredentialError } from '../../../scripts/deploy/credentials';
import type { CloudStorageSdk } from '../../../cloudfunctions/core/platform/wechat/storage.wechat';

const ROOT = 'cloud://shop-prod-1a2b.7368-shop-prod-1a2b-1300000000';
const CREDENTIALS = { TCB_SECRET_ID: 'AKIDabcdefghijklmnop', TCB_SECRET_KEY: 'key', WX_CLOUD_ENV: 'shop-prod-1a2b' };

/** A stand-in PNG per drawing (the real rasteriser is exercised by the gateway's media test). */
const fakeRender = async (svg: string) =>
  Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    createHash('sha256').update(svg).digest(),
  ]);

function setup(env: Record<string, string | undefined>) {
  const lines: string[] = [];
  const uploads: Array<{ cloudPath: string; fileContent: Buffer }> = [];
  let opened = 0;
  const sdk: CloudStorageSdk = {
    uploadFile: async (params) => {
      uploads.push(params);
      return { fileID: `${ROOT}/${params.cloudPath}` };
    },
    getTempFileURL: async () => ({ fileList: [] }),
  };
  const deps: DeployMediaDeps = {
    env,
    openCatalog: async () => {
      opened++;
      const db = await openPgliteFromTemplate();
      return { db, source: 'the test template', close: () => db.close() };
    },
    sdk: async () => sdk,
    render: fakeRender,
    log: (l) => lines.push(l),
  };
  return { deps, lines, uploads, opened: () => opened };
}

const expectedKeys = () => [
  ...demoStore.products.flatMap((p) =>
    [1, 2, 3].map((n) => `products/${p.id}/${n}.png`).concat(`share/products/${p.id}.png`),
  ),
  ...demoStore.categories.map((c) => `categories/${c.id}.png`),
  ...demoStore.banners.map((b) => `banners/${b.id}.png`),
  'share/store.png',
];

describe('npm run deploy:media', () => {
  it('--dry-run lists every catalog PNG it would upload and needs no credentials or SDK', async () => {
    const { deps, lines, uploads } = setup({});
    expect(await deployMedia(['--dry-run', '--env-file=/nonexistent'], deps)).toBe(0);
    const listed = lines.filter((l) => l.startsWith('would upload ')).map((l) => l.split(' ')[2]);
    expect(listed.sort()).toEqual(expectedKeys().sort());
    expect(lines.at(-1)).toMatch(new RegExp(`^dry run: ${listed.length} PNGs, .* nothing uploaded$`));
    expect(uploads).toEqual([]);
  });

  it('uploads each PNG with cloudPath = its key and prints MEDIA_CLOUD_ROOT', async () => {
    const { deps, lines, uploads } = setup({ ...CREDENTIALS });
    expect(await deployMedia(['--env-file=/nonexistent'], deps)).toBe(0);
    expect(uploads.map((u) => u.cloudPath).sort()).toEqual(expectedKeys().sort());
    for (const u of uploads) expect(u.fileContent.subarray(0, 4).toString('latin1')).toBe('\x89PNG');
    expect(lines.join('\n')).toContain(`MEDIA_CLOUD_ROOT=${ROOT}`);
  });

  it('refuses without credentials before opening the catalog or rendering anything', async () => {
    const { deps, uploads, opened } = setup({});
    await expect(deployMedia([], deps)).rejects.toBeInstanceOf(CredentialError);
    expect(opened()).toBe(0);
    expect(uploads).toEqual([]);
  });
});
