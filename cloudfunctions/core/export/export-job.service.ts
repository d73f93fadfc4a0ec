import { randomBytes } from 'node:crypto';
import type { ActionArgs } from '../context';
import type { ActionOutput, ExportJobView, ExportKind } from '../contract';
import { fail, ok, type Result } from '../errors';
import { exportRange } from './domain/date-range';
import { EXPORT_LIST_LIMIT, exportExpiresAt } from './domain/job-policy';
import { findExportJob, insertExportJob, recentExportJobs, type ExportJobRow } from './repo/export-job.repo';

function jobView(row: ExportJobRow): ExportJobView {
  return {
    jobId: row.id,
    kind: row.kind as ExportKind,
    format: row.format,
    from: row.from_day,
    to: row.to_day,
    status: row.status,
    rows: row.rows,
    bytes: row.bytes === null ? null : Number(row.bytes),
    fileName: row.file_name,
    error: row.error,
    createdAt: row.created_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
    expiresAt: row.expires_at.toISOString(),
  };
}

/**
 * `manager.exportReport`: records the report as a queued job and answers it at once. The exportWorker
 * timer builds the file outside any request (a year of a busy shop in Excel outlasts a client call).
 * Idempotent by the call's key (the dispatcher replays the first answer); audited like every manager write.
 */
export async function exportReport({
  input,
  caller,
  ctx,
  exec,
}: ActionArgs<'manager.exportReport'>): Promise<Result<ActionOutput<'manager.exportReport'>>> {
  const range = exportRange(input.from, input.to);
  if (!range.ok) return fail('VALIDATION_FAILED', range.reason, { from: input.from, to: input.to });
  const row = await insertExportJob(exec, {
    id: `exp_${randomBytes(12).toString('hex')}`,
    storeId: ctx.storeId,
    kind: input.kind,
    format: input.format,
    from: input.from,
    to: input.to,
    requestedBy: caller.memberId,
    now: ctx.now,
    expiresAt: exportExpiresAt(ctx.now),
  });
  return ok(jobView(row));
}

/** `manager.listExports`: the store's recent exports, newest first; the page polls it while one is pending. */
export async function listExports({
  ctx,
  exec,
}: ActionArgs<'manager.listExports'>): Promise<Result<ActionOutput<'manager.listExports'>>> {
  const rows = await recentExportJobs(exec, ctx.storeId, EXPORT_LIST_LIMIT);
  return ok({ items: rows.map(jobView) });
}

/**
 * `manager.exportDownload`: a fresh link to a finished report, for a manager of the job's store only
 * (the dispatcher checked the role; the store is checked here). On WeChat Cloud a temporary
 * getTempFileURL link (at most a day); on the gateway a signed link that expires in 15 minutes.
 */
export async function exportDownload({
  input,
  ctx,
  exec,
}: ActionArgs<'manager.exportDownload'>): Promise<Result<ActionOutput<'manager.exportDownload'>>> {
  const job = await findExportJob(exec, ctx.storeId, input.jobId);
  // Past retention counts as gone even before the timer deleted it.
  if (!job || job.expires_at <= ctx.now) return fail('EXPORT_NOT_FOUND', undefined, { jobId: input.jobId });
  if (job.status !== 'done' || !job.file_id || !job.file_name)
    return fail('EXPORT_NOT_READY', undefined, { jobId: input.jobId, status: job.status });
  const [url] = await ctx.platform.storage.urlFor([job.file_id]);
  return ok({ url: url!, fileName: job.file_name, format: job.format });
}
