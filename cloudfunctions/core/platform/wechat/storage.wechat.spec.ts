import { describe, expect, it } from 'vitest';
import {
  createWechatStorage,
  DELETE_BATCH,
  TEMP_URL_BATCH,
  TEMP_URL_MAX_AGE_SECONDS,
  type CloudStorageSdk,
} from './storage.wechat';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('pixels')]);
const ROOT = 'cloud://shop-prod-1a2b.7368-shop-prod-1a2b-1300000000';

/** wx-server-sdk's storage calls replaced at the boundary: records each request, answers as WeChat documents. */
function fakeSdk(opts: { failIds?: string[]; throwOnUrl?: boolean; throwOnDelete?: boolean } = {}) {
  const uploads: Array<{ cloudPath: string; fileContent: Buffer }> = [];
  const urlRequests: Array<{ fileList: Array<{ fileID: string; maxAge: number }> }> = [];
  const deleteRequests: Array<{ fileList: string[] }> = [];
  const sdk: CloudStorageSdk = {
    // Cloud.deleteFile: `{ fileList: string[] }` (at most 50), answered per file with status 0 or an errMsg.
    deleteFile: async (params) => {
      deleteRequests.push(params);
      if (opts.throwOnDelete) throw new Error('deleteFile:fail network');
      return {
        fileList: params.fileList.map((fileID) =>
          opts.failIds?.includes(fileID)
            ? { fileID, status: -503003, errMsg: 'storage delete fail' }
            : { fileID, status: 0, errMsg: 'ok' },
        ),
      };
    },
    uploadFile: async (params) => {
      uploads.push(params);
      return { fileID: `${ROOT}/${params.cloudPath}`, statusCode: 204 };
    },
    getTempFileURL: async (params) => {
      urlRequests.push(params);
      if (opts.throwOnUrl) throw new Error('getTempFileURL:fail network');
      return {
        fileList: params.fileList.map(({ fileID }) =>
          opts.failIds?.includes(fileID)
            ? { fileID, tempFileURL: '', status: -503003, errMsg: 'file not exist' }
            : { fileID, tempFileURL: `https://7368.tcb.qcloud.la/${fileID.slice(ROOT.length + 1)}?sign=x`, status: 0 },
        ),
      };
    },
  };
  return { sdk, uploads, urlRequests, deleteRequests };
}

describe('cloud storage port over wx-server-sdk', () => {
  it('uploads with cloudPath = the key and the bytes as fileContent, and answers the fileID', async () => {
    const { sdk, uploads } = fakeSdk();
    const id = await createWechatStorage(sdk).put(PNG, 'avatars/ab.png', 'image/png');
    expect(id).toBe(`${ROOT}/avatars/ab.png`);
    expect(uploads).toEqual([{ cloudPath: 'avatars/ab.png', fileContent: PNG }]);
  });

  it('refuses to upload what is not the declared image', async () => {
    const { sdk, uploads } = fakeSdk();
    await expect(createWechatStorage(sdk).put(Buffer.from('<svg/>'), 'a.png', 'image/png')).rejects.toThrow();
    expect(uploads).toEqual([]);
  });

  it('resolves cloud:// ids and catalog paths (under MEDIA_CLOUD_ROOT) with one getTempFileURL, maxAge one day', async () => {
    const { sdk, urlRequests } = fakeSdk();
    const storage = createWechatStorage(sdk, { mediaRoot: ROOT });
    const urls = await storage.urlFor([
      `${ROOT}/avatars/ab.png`,
      '/media/products/p1/1.png',
      'https://x.example.com/a.png',
    ]);
    expect(urls).toEqual([
      'https://7368.tcb.qcloud.la/avatars/ab.png?sign=x',
      'https://7368.tcb.qcloud.la/products/p1/1.png?sign=x',
      'https://x.example.com/a.png',
    ]);
    expect(urlRequests).toEqual([
      {
        fileList: [
          { fileID: `${ROOT}/avatars/ab.png`, maxAge: TEMP_URL_MAX_AGE_SECONDS },
          { fileID: `${ROOT}/products/p1/1.png`, maxAge: TEMP_URL_MAX_AGE_SECONDS },
        ],
      },
    ]);
    // A link is reused while it is fresh: the same ids again ask WeChat nothing.
    await storage.urlFor([`${ROOT}/avatars/ab.png`]);
    expect(urlRequests).toHaveLength(1);
  });

  it('asks for at most 50 files a call and asks again once a link is half its age', async () => {
    const { sdk, urlRequests } = fakeSdk();
    let now = 0;
    const storage = createWechatStorage(sdk, { now: () => now });
    const ids = Array.from({ length: 120 }, (_, i) => `${ROOT}/products/p${i}/1.png`);
    await storage.urlFor(ids);
    expect(urlRequests.map((r) => r.fileList.length)).toEqual([TEMP_URL_BATCH, TEMP_URL_BATCH, 20]);
    now += (TEMP_URL_MAX_AGE_SECONDS * 1000) / 2 + 1;
    await storage.urlFor(ids.slice(0, 1));
    expect(urlRequests).toHaveLength(4);
  });

  it('leaves an id it could not resolve as it was, and logs it (an answer without a picture beats none)', async () => {
    const lines: string[] = [];
    const { sdk } = fakeSdk({ failIds: [`${ROOT}/gone.png`] });
    const storage = createWechatStorage(sdk, { log: (l) => lines.push(l) });
    expect(await storage.urlFor([`${ROOT}/gone.png`])).toEqual([`${ROOT}/gone.png`]);
    expect(JSON.parse(lines[0]!)).toMatchObject({ alert: 'media_url_failed', status: -503003 });

    const down = createWechatStorage(fakeSdk({ throwOnUrl: true }).sdk, { log: (l) => lines.push(l) });
    expect(await down.urlFor([`${ROOT}/a.png`])).toEqual([`${ROOT}/a.png`]);
    expect(lines[1]).toMatch(/getTempFileURL:fail network/);
  });

  it('without a cloud root, catalog paths take MEDIA_BASE_URL and WeChat is not asked', async () => {
    const { sdk, urlRequests } = fakeSdk();
    const storage = createWechatStorage(sdk, { publicBaseUrl: 'https://static.example.com/' });
    expect(await storage.urlFor(['/media/banners/b1.png'])).toEqual([
      'https://static.example.com/media/banners/b1.png',
    ]);
    expect(urlRequests).toEqual([]);
  });

  it('removes files with deleteFile({ fileList }) in batches of 50 and answers only those deleted', async () => {
    const lines: string[] = [];
    const ids = Array.from({ length: 60 }, (_, i) => `${ROOT}/exports/r${i}.csv`);
    const { sdk, deleteRequests } = fakeSdk({ failIds: [ids[3]!] });
    const gone = await createWechatStorage(sdk, { log: (l) => lines.push(l) }).remove([...ids, '/media/avatars/a.png']);
    expect(deleteRequests.map((r) => r.fileList.length)).toEqual([DELETE_BATCH, 10]);
    expect(deleteRequests[0]!.fileList[0]).toBe(ids[0]);
    expect(gone).toEqual(ids.filter((_, i) => i !== 3));
    expect(JSON.parse(lines[0]!)).toMatchObject({ alert: 'storage_delete_failed', fileID: ids[3], status: -503003 });

    const down = fakeSdk({ throwOnDelete: true });
    expect(await createWechatStorage(down.sdk, { log: (l) => lines.push(l) }).remove(ids.slice(0, 2))).toEqual([]);
    expect(lines[1]).toMatch(/deleteFile:fail network/);
  });
});
