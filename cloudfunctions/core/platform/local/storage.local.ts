import { copyFile, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
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
}

export type LocalStorage = StoragePort & {
  /** The file on disk for a key, or null for a key that could escape the folder. */
  fileOf(key: string): string | null;
  read(key: string): Promise<Buffer | null>;
};

/** Files on the gateway's disk, served at `/media/<key>`; the file id is that path. */
export function createLocalStorage(options: LocalStorageOptions): LocalStorage {
  const root = resolve(options.dir);
  const base = options.publicBaseUrl?.replace(/\/+$/, '') ?? '';
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
      return fileIds.map((id) => (keyOfMediaPath(id) !== null ? `${base}${id}` : id));
    },
  };
}
