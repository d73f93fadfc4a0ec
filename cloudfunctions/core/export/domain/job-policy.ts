/**
 * How export jobs are run and kept. Numbers, not settings: a store has no reason to tune them.
 */

/** Files and their job rows are deleted this many days after the request. */
const EXPORT_RETENTION_DAYS = 7;

/**
 * How long a claim holds a job. Longer than the exportWorker function's timeout (60 s, WeChat Cloud's
 * most), so a live build is never taken over; a worker that died frees its job after it.
 */
export const EXPORT_JOB_LEASE_MS = 2 * 60_000;

/** Claims per job before it is failed: a report that crashes its worker three times will not build. */
export const EXPORT_MAX_ATTEMPTS = 3;

/** A build that threw waits this long times its attempts: the next runs retry it, not this one's loop. */
export const EXPORT_RETRY_AFTER_MS = 60_000;

/**
 * A worker run stops claiming new jobs after this long, leaving the rest of the 60 s for the build in
 * hand to finish; the next minute's run takes the queue on.
 */
export const EXPORT_WORKER_BUDGET_MS = 20_000;

/** Jobs the page lists. */
export const EXPORT_LIST_LIMIT = 20;

/** What the manager reads on a failed job. */
export const EXPORT_FAILED_MESSAGE = `生成失败（已重试 ${EXPORT_MAX_ATTEMPTS} 次），请缩小日期范围或改用 CSV 后重试`;
export const EXPORT_RETRYING_MESSAGE = '生成出错，稍后自动重试';

const DAY_MS = 86_400_000;

export function exportExpiresAt(now: Date): Date {
  return new Date(now.getTime() + EXPORT_RETENTION_DAYS * DAY_MS);
}
