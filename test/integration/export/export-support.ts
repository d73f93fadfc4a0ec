import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../../../cloudfunctions/core/db/db';
import type { ActionInput } from '../../../cloudfunctions/core/contract';
import { createLocalPlatform, type LocalPlatform } from '../../../cloudfunctions/core/platform/local/local-platform';
import { runExportWorker } from '../../../cloudfunctions/core/export';
import { callAction, okData } from '../../support/call';
import { jobContext, MANAGER, newKey } from '../order/order-factory';

/** A media folder of the suite's own and local platforms writing into it, at a given clock. */
export function exportWorld(db: () => Db) {
  const media = join(tmpdir(), `export-test-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`);
  const platform = (now: Date): LocalPlatform =>
    createLocalPlatform({ devAuth: true, db: db(), now: () => now, media: { dir: media } });
  return {
    media,
    platform,
    /** The file on disk behind a download link (`/media/exports/x.csv?exp=..&sig=..`). */
    fileOf: (url: string) => join(media, url.replace(/^\/media\//, '').replace(/\?.*$/, '')),
    async exportFiles(): Promise<string[]> {
      return readdir(join(media, 'exports')).catch(() => []);
    },
    request(input: ActionInput<'manager.exportReport'>, now: Date, options: { key?: string; openid?: string } = {}) {
      return callAction(db(), 'manager.exportReport', input, {
        openid: options.openid ?? MANAGER,
        now,
        idempotencyKey: options.key ?? newKey(),
        platform: platform(now),
      });
    },
    work(now: Date, p: LocalPlatform = platform(now)) {
      return runExportWorker(jobContext(db(), now, p));
    },
    download(jobId: string, now: Date, openid = MANAGER, storeId = 'demo') {
      return callAction(db(), 'manager.exportDownload', { jobId }, { openid, now, storeId, platform: platform(now) });
    },
    async list(now: Date) {
      return okData(
        await callAction(db(), 'manager.listExports', {}, { openid: MANAGER, now, platform: platform(now) }),
      ).items;
    },
  };
}

export async function jobRow(db: Db, id: string) {
  return db.kysely.selectFrom('export_jobs').selectAll().where('id', '=', id).executeTakeFirst();
}
