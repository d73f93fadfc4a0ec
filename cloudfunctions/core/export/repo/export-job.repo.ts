import { sql, type Selectable } from 'kysely';
import type { Executor } from '../../db/db';
import type { ExportTables } from '../../db/schema/export.schema';

export type ExportJobRow = Selectable<ExportTables['export_jobs']>;

export interface NewExportJob {
  id: string;
  storeId: string;
  kind: string;
  format: 'csv' | 'xlsx';
  from: string;
  to: string;
  requestedBy: string;
  now: Date;
  expiresAt: Date;
}

export async function insertExportJob(exec: Executor, j: NewExportJob): Promise<ExportJobRow> {
  return exec
    .insertInto('export_jobs')
    .values({
      id: j.id,
      store_id: j.storeId,
      kind: j.kind,
      format: j.format,
      from_day: j.from,
      to_day: j.to,
      requested_by: j.requestedBy,
      created_at: j.now,
      expires_at: j.expiresAt,
      lease_until: null,
      rows: null,
      bytes: null,
      file_id: null,
      file_name: null,
      error: null,
      started_at: null,
      finished_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function recentExportJobs(exec: Executor, storeId: string, limit: number): Promise<ExportJobRow[]> {
  return exec
    .selectFrom('export_jobs')
    .selectAll()
    .where('store_id', '=', storeId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export function findExportJob(exec: Executor, storeId: string, id: string): Promise<ExportJobRow | undefined> {
  return exec
    .selectFrom('export_jobs')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/**
 * Claims the oldest job that is queued, or running past its lease (its worker died or timed out), in
 * one statement: `for update skip locked` lets two workers claim two different jobs and never one
 * job twice. Every claim counts an attempt; a job at the cap is not claimed again.
 */
export async function claimExportJob(
  exec: Executor,
  a: { now: Date; leaseUntil: Date; maxAttempts: number },
): Promise<ExportJobRow | undefined> {
  const { rows } = await sql<ExportJobRow>`
    update export_jobs
       set status = 'running', attempts = attempts + 1, lease_until = ${a.leaseUntil}, started_at = ${a.now}
     where id = (
       select id from export_jobs
        where ((status = 'queued' and (lease_until is null or lease_until <= ${a.now}))
               or (status = 'running' and lease_until < ${a.now}))
          and attempts < ${a.maxAttempts}
        order by created_at, id
        limit 1
        for update skip locked)
    returning *`.execute(exec);
  return rows[0];
}

/** A job's claim is identified by its attempt: a worker whose lease was taken over changes nothing. */
export interface JobClaim {
  id: string;
  attempts: number;
}

export async function completeExportJob(
  exec: Executor,
  claim: JobClaim,
  done: { rows: number; bytes: number; fileId: string; fileName: string; now: Date },
): Promise<boolean> {
  const res = await exec
    .updateTable('export_jobs')
    .set({
      status: 'done',
      rows: done.rows,
      bytes: done.bytes,
      file_id: done.fileId,
      file_name: done.fileName,
      error: null,
      lease_until: null,
      finished_at: done.now,
    })
    .where('id', '=', claim.id)
    .where('status', '=', 'running')
    .where('attempts', '=', claim.attempts)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/**
 * A build that threw: queued again, not before `retryAt` (a later run, not this one's loop), or failed
 * once the attempts are spent.
 */
export async function releaseFailedExportJob(
  exec: Executor,
  claim: JobClaim,
  a: { error: string; finalError: string; maxAttempts: number; now: Date; retryAt: Date },
): Promise<'queued' | 'failed' | null> {
  const failed = claim.attempts >= a.maxAttempts;
  const res = await exec
    .updateTable('export_jobs')
    .set({
      status: failed ? 'failed' : 'queued',
      error: failed ? a.finalError : a.error,
      lease_until: failed ? null : a.retryAt,
      finished_at: failed ? a.now : null,
    })
    .where('id', '=', claim.id)
    .where('status', '=', 'running')
    .where('attempts', '=', claim.attempts)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) return null;
  return failed ? 'failed' : 'queued';
}

/** Jobs whose last attempt lapsed (the worker crashed or timed out every time): failed, with a message. */
export async function failLapsedExportJobs(
  exec: Executor,
  a: { now: Date; maxAttempts: number; error: string },
): Promise<number> {
  const res = await exec
    .updateTable('export_jobs')
    .set({ status: 'failed', error: a.error, lease_until: null, finished_at: a.now })
    .where('status', '=', 'running')
    .where('lease_until', '<', a.now)
    .where('attempts', '>=', a.maxAttempts)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** Jobs past retention (any state but one being built), oldest first. */
export function expiredExportJobs(
  exec: Executor,
  now: Date,
  limit: number,
): Promise<Array<{ id: string; file_id: string | null }>> {
  return exec
    .selectFrom('export_jobs')
    .select(['id', 'file_id'])
    .where('expires_at', '<=', now)
    .where('status', '!=', 'running')
    .orderBy('expires_at')
    .limit(limit)
    .execute();
}

export async function deleteExportJobs(exec: Executor, ids: string[], now: Date): Promise<number> {
  if (ids.length === 0) return 0;
  const res = await exec
    .deleteFrom('export_jobs')
    .where('id', 'in', ids)
    .where('expires_at', '<=', now)
    .where('status', '!=', 'running')
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}
