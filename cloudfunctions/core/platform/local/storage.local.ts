import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { copyFile, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import type { StoragePort, StoredContentType } from '../platform';
import { assertStorable, isReportKey, isStorageKey, keyOfMediaPath, mediaPath } from '../media/upload-check';

export interface LocalStorageOptions {
  /** The folder files are written under; the gateway serves it at `/media/`. */
  dir: string;
  /**
   * `MEDIA_PUBLIC_BASE_URL`: the https origin the gateway is reached at (`https://shop.example.com`).
   * Without it a file id resolves to its same-origin path, which only the H5 build can load.
   */
  publicBaseUrl?: string;
  /**
   * Signs report links (`/media/exports/...?exp=&sig=`). Replicas behind one address must share it
   * (the gateway passes SESSION_SECRET when self-hosted); without one a process signs with its own
   * random key, which is enough for a single gateway.
   */
  linkSecret?: string;
  /** Wall clock of link expiry (tests move it). */
  nowMs?: () => number;
}

/** How long a report link the gateway hands out stays valid: long enough to start a download. */
export const REPORT_LINK_TTL_SECONDS = 15 * 60;

export type LocalStorage = StoragePort & {
  /** The file on disk for a key, or null for a key that could escape the folder. */
  fileOf(key: string): string | null;
  read(key: string): Promise<Buffer | null>;
  /** Whether a report link's `exp` and `sig` were signed here for this key and have not expired. */
  verifyReportLink(key: string, exp: string | undefined, sig: string | undefined): boolean;
};

/** Files on the gateway's disk, served at `/media/<key>`; the file id is that path. */
export function createLocalStorage(options: LocalStorageOptions): LocalStorage {
  const root = resolve(options.dir);
  const base = options.publicBaseUrl?.replace(/\/+$/, '') ?? '';
  const secret = options.linkSecret ?? randomBytes(32).toString('hex');
  const nowMs = options.nowMs ?? Date.now;
  const signature = (key: string, exp: string) => createHmac('sha256', secret).update(`${key}\n${exp}`).digest('hex');
  // A report's name is not its only gate: its link carries an expiry signed with the gateway's key.
  const signedReportPath = (id: string, key: string) => {
    const exp = String(Math.floor(nowMs() / 1000) + REPORT_LINK_TTL_SECONDS);
    return `${id}?exp=${exp}&sig=${signature(key, exp)}`;
  };
  const fileOf = (key: string) => {
    if (!isStorageKey(key) && !isReportKey(key)) return null;
    const file = resolve(root, key);
    return file.startsWith(root + sep) ? file : null;
  };
  return {
    fileOf,
    async read(key) {
      const file = fileOf(key);
      if (!file) return null;
      return readFile(file).catch(() => null);
    },
    async put(bytes: Buffer, key: string, contentType: StoredContentType) {
      assertStorable(bytes, key, contentType);
      const file = fileOf(key)!;
      await mkdir(dirname(file), { recursive: true });
      // Write then rename: a reader never sees half a file.
      const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
      await writeFile(tmp, bytes);
      await rename(tmp, file);
      return mediaPath(key);
    },
    async putReport(path, key) {
      if (!isReportKey(key)) throw new Error(`invalid report key: ${JSON.stringify(key)}`);
      const file = fileOf(key)!;
      await mkdir(dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
      await copyFile(path, tmp);
      await rename(tmp, file);
      return mediaPath(key);
    },
    async urlFor(fileIds) {
      return fileIds.map((id) => {
        const key = keyOfMediaPath(id);
        if (key === null) return id;
        return isReportKey(key) ? `${base}${signedReportPath(id, key)}` : `${base}${id}`;
      });
    },
    verifyReportLink(key, exp, sig) {
      if (!exp || !sig || !/^\d{1,12}$/.test(exp) || !/^[0-9a-f]{64}$/.test(sig)) return false;
      if (Number(exp) * 1000 <= nowMs()) return false;
      return timingSafeEqual(Buffer.from(sig, 'hex'), Buffer.from(signature(key, exp), 'hex'));
    },
    async remove(fileIds) {
      const gone: string[] = [];
      for (const id of fileIds) {
        const key = keyOfMediaPath(id);
        const file = key === null ? null : fileOf(key);
        if (!file) continue;
        // force: a file already gone counts as removed (a retried retention run).
        await rm(file, { force: true });
        gone.push(id);
      }
      return gone;
    },
  };
}
