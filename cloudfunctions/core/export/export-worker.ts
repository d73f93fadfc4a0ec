import type { CallContext } from '../context';
import type { ExportKind } from '../contract';
import { exportRange } from './domain/date-range';
import {
  EXPORT_FAILED_MESSAGE,
  EXPORT_JOB_LEASE_MS,
  EXPORT_MAX_ATTEMPTS,
  EXPORT_RETRY_AFTER_MS,
  EXPORT_RETRYING_MESSAGE,
  EXPORT_WORKER_BUDGET_MS,
} from './domain/job-policy';
import { buildReportFile } from './export.service';
import {
  claimExportJob,
  completeExportJob,
  deleteExportJobs,
  expiredExportJobs,
  failLapsedExportJobs,
  releaseFailedExportJob,
  type ExportJobRow,
} from './repo/export-job.repo';

/** Expired jobs handled per run: a day's worth for a busy store, each file one storage call in 50. */
const RETENTION_BATCH = 200;

export interface ExportWorkerOptions {
  /** Wall clock for the run's budget (tests pass a fake); the business clock is `ctx.now`. */
  elapsedMs?: () => number;
  budgetMs?: number;
}

/**
 * exportWorker (every minute): deletes reports past retention, fails jobs whose attempts all lapsed,
 * then claims and builds queued jobs one at a time until the queue is empty or the run's budget is
 * spent. Nothing here holds a transaction: the claim and the outcome are single conditional updates,
 * and the report is read page by page.
 */
export async function runExportWorker(
  ctx: CallContext,
  options: ExportWorkerOptions = {},
): Promise<Record<string, number>> {
  const started = Date.now();
  const elapsed = options.elapsedMs ?? (() => Date.now() - started);
  const budget = options.budgetMs ?? EXPORT_WORKER_BUDGET_MS;
  const db = ctx.db.kysely;
  const stats = { removed: 0, built: 0, retried: 0, failed: 0 };

  stats.removed = await removeExpiredExports(ctx);
  stats.failed += await failLapsedExportJobs(db, {
    now: ctx.now,
    maxAttempts: EXPORT_MAX_ATTEMPTS,
    error: EXPORT_FAILED_MESSAGE,
  });

  while (elapsed() < budget) {
    const job = await claimExportJob(db, {
      now: ctx.now,
      leaseUntil: new Date(ctx.now.getTime() + EXPORT_JOB_LEASE_MS),
      maxAttempts: EXPORT_MAX_ATTEMPTS,
    });
    if (!job) break;
    const outcome = await buildJob(ctx, job);
    stats[outcome] += 1;
  }
  return stats;
}

async function buildJob(ctx: CallContext, job: ExportJobRow): Promise<'built' | 'retried' | 'failed'> {
  const claim = { id: job.id, attempts: job.attempts };
  const db = ctx.db.kysely;
  try {
    const range = exportRange(job.from_day, job.to_day);
    // The range was checked when the job was queued; a row edited by hand fails rather than loops.
    if (!range.ok) throw new Error(`export job ${job.id} has an invalid range: ${range.reason}`);
    const built = await buildReportFile(db, ctx.platform.storage, {
      kind: job.kind as ExportKind,
      format: job.format,
      storeId: job.store_id,
      from: range.from,
      to: range.to,
      fromDay: job.from_day,
      toDay: job.to_day,
    });
    if (await completeExportJob(db, claim, { ...built, now: ctx.now })) return 'built';
    // Our lease lapsed and another worker owns the job now: its file is the one kept.
    await ctx.platform.storage.remove([built.fileId]);
    return 'retried';
  } catch (error) {
    console.error(
      JSON.stringify({
        alert: 'export_build_failed',
        jobId: job.id,
        attempt: job.attempts,
        error: (error as Error).message,
      }),
    );
    const released = await releaseFailedExportJob(db, claim, {
      error: EXPORT_RETRYING_MESSAGE,
      finalError: EXPORT_FAILED_MESSAGE,
      maxAttempts: EXPORT_MAX_ATTEMPTS,
      now: ctx.now,
      retryAt: new Date(ctx.now.getTime() + EXPORT_RETRY_AFTER_MS * job.attempts),
    });
    return released === 'failed' ? 'failed' : 'retried';
  }
}

/**
 * Retention: files first, through the storage port, then the rows of the files that are gone (and of
 * jobs that never had one). A file the storage could not delete keeps its row for the next run.
 */
async function removeExpiredExports(ctx: CallContext): Promise<number> {
  const db = ctx.db.kysely;
  const expired = await expiredExportJobs(db, ctx.now, RETENTION_BATCH);
  if (expired.length === 0) return 0;
  const fileIds = expired.map((j) => j.file_id).filter((id): id is string => id !== null);
  const gone = new Set(fileIds.length > 0 ? await ctx.platform.storage.remove(fileIds) : []);
  const deletable = expired.filter((j) => j.file_id === null || gone.has(j.file_id)).map((j) => j.id);
  return deleteExportJobs(db, deletable, ctx.now);
}
