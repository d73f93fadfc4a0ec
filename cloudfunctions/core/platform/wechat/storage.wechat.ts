import type { StoragePort, StoredContentType } from '../platform';
import { createReadStream } from 'node:fs';
import { assertStorable, isReportKey, keyOfMediaPath } from '../media/upload-check';
import type { WxServerSdk } from './sdk';

/** WeChat's limits for getTempFileURL: 50 files a call, links valid at most one day. */
export const TEMP_URL_BATCH = 50;
/** deleteFile takes at most 50 file ids a call. */
export const DELETE_BATCH = 50;
export const TEMP_URL_MAX_AGE_SECONDS = 86_400;
/** A link is reused for half its life, so one handed out is always good for at least half a day. */
const REUSE_FOR_MS = (TEMP_URL_MAX_AGE_SECONDS * 1000) / 2;

export interface WechatStorageOptions {
  /**
   * `MEDIA_CLOUD_ROOT`: the `cloud://<env>.<bucket>` prefix of the environment's storage, printed by
   * `npm run deploy:media`. A catalog path `/media/<key>` is the file `<root>/<key>` there.
   */
  mediaRoot?: string;
  /** `MEDIA_BASE_URL`: where `/media/<key>` is served over https instead (a CDN or a gateway), when no root is set. */
  publicBaseUrl?: string;
  now?: () => number;
  log?: (line: string) => void;
}

/** The storage calls of wx-server-sdk (in a function) or @cloudbase/node-sdk (from a deploying machine): the same shape. */
export type CloudStorageSdk = Required<Pick<WxServerSdk, 'uploadFile' | 'getTempFileURL'>> &
  Pick<WxServerSdk, 'deleteFile'>;

/** Cloud storage: uploads with `uploadFile`, resolves `cloud://` ids to https links with `getTempFileURL`. */
export function createWechatStorage(sdk: Partial<CloudStorageSdk>, options: WechatStorageOptions = {}): StoragePort {
  const root = options.mediaRoot?.replace(/\/+$/, '');
  const base = options.publicBaseUrl?.replace(/\/+$/, '');
  const now = options.now ?? Date.now;
  const log = options.log ?? ((line: string) => console.warn(line));
  const cache = new Map<string, { url: string; until: number }>();

  /** The cloud file id behind a stored id, or null when it is resolved without WeChat. */
  const cloudIdOf = (id: string): string | null => {
    if (id.startsWith('cloud://')) return id;
    const key = keyOfMediaPath(id);
    return key !== null && root ? `${root}/${key}` : null;
  };

  async function resolveCloud(ids: string[]): Promise<void> {
    const wanted = [...new Set(ids)].filter((id) => (cache.get(id)?.until ?? 0) <= now());
    for (let i = 0; i < wanted.length; i += TEMP_URL_BATCH) {
      const batch = wanted.slice(i, i + TEMP_URL_BATCH);
      if (!sdk.getTempFileURL) throw new Error('wx-server-sdk has no getTempFileURL');
      try {
        const res = await sdk.getTempFileURL({
          fileList: batch.map((fileID) => ({ fileID, maxAge: TEMP_URL_MAX_AGE_SECONDS })),
        });
        for (const f of res.fileList ?? []) {
          if (f.status === 0 && f.tempFileURL) cache.set(f.fileID, { url: f.tempFileURL, until: now() + REUSE_FOR_MS });
          else log(JSON.stringify({ alert: 'media_url_failed', fileID: f.fileID, status: f.status, errMsg: f.errMsg }));
        }
      } catch (error) {
        // An answer without its pictures beats no answer: the ids stay as they are.
        log(JSON.stringify({ alert: 'media_url_failed', files: batch.length, error: (error as Error).message }));
      }
    }
  }

  return {
    async put(bytes: Buffer, key: string, contentType: StoredContentType) {
      assertStorable(bytes, key, contentType);
      if (!sdk.uploadFile) throw new Error('wx-server-sdk has no uploadFile');
      const res = await sdk.uploadFile({ cloudPath: key, fileContent: bytes });
      if (!res?.fileID) throw new Error(`cloud uploadFile answered no fileID for ${key}`);
      return res.fileID;
    },
    async putReport(path, key) {
      if (!isReportKey(key)) throw new Error(`invalid report key: ${JSON.stringify(key)}`);
      if (!sdk.uploadFile) throw new Error('wx-server-sdk has no uploadFile');
      // A stream (uploadFile takes a Buffer or an fs.ReadStream): a report of 100k orders is never
      // held whole in the function's memory.
      const fileContent = createReadStream(path) as unknown as Buffer;
      const res = await sdk.uploadFile({ cloudPath: key, fileContent });
      if (!res?.fileID) throw new Error(`cloud uploadFile answered no fileID for ${key}`);
      return res.fileID;
    },
    async remove(fileIds) {
      if (!sdk.deleteFile) throw new Error('wx-server-sdk has no deleteFile');
      const ids = [...new Set(fileIds.filter((id) => id.startsWith('cloud://')))];
      const gone: string[] = [];
      for (let i = 0; i < ids.length; i += DELETE_BATCH) {
        const batch = ids.slice(i, i + DELETE_BATCH);
        try {
          const res = await sdk.deleteFile({ fileList: batch });
          for (const f of res.fileList ?? []) {
            cache.delete(f.fileID);
            if (f.status === 0) gone.push(f.fileID);
            else
              log(
                JSON.stringify({
                  alert: 'storage_delete_failed',
                  fileID: f.fileID,
                  status: f.status,
                  errMsg: f.errMsg,
                }),
              );
          }
        } catch (error) {
          // The rows stay and the next retention run asks again.
          log(JSON.stringify({ alert: 'storage_delete_failed', files: batch.length, error: (error as Error).message }));
        }
      }
      return gone;
    },
    async urlFor(fileIds) {
      const cloudIds = fileIds.map(cloudIdOf);
      await resolveCloud(cloudIds.filter((id): id is string => id !== null));
      return fileIds.map((id, i) => {
        const cloudId = cloudIds[i];
        if (cloudId) return cache.get(cloudId)?.url ?? id;
        return base && keyOfMediaPath(id) !== null ? `${base}${id}` : id;
      });
    },
  };
}
