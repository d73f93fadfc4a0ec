import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { afterAll, expect, it } from 'vitest';
import { describeEachDatabase, describeOnPostgres } from '../../support/databases';
import { okData } from '../../support/call';
import { T0, daysAfter, errorCode, minutesAfter } from '../order/order-factory';
import { makeOtherStore } from '../staff/staff-factory';
import { exportWorld, jobRow } from './export-support';

const DAY = '2026-03-02';
const input = { kind: 'orders', from: DAY, to: DAY, format: 'csv' } as const;

describeEachDatabase('export jobs: stores, crashes, retention', (use) => {
  const world = exportWorld(use);
  afterAll(() => rm(world.media, { recursive: true, force: true }));

  it("another store's manager neither sees nor downloads the job", async () => {
    const job = okData(await world.request(input, T0));
    await world.work(minutesAfter(T0, 1));
    const other = await makeOtherStore(use());
    await use()
      .kysely.insertInto('staff')
      .values({ store_id: other, openid: 'other-manager', role: 'manager' })
      .execute();
    expect(errorCode(await world.download(job.jobId, minutesAfter(T0, 1), 'other-manager', other))).toBe(
      'EXPORT_NOT_FOUND',
    );
    expect((await world.download(job.jobId, minutesAfter(T0, 1))).ok).toBe(true);
  });

  it('a build that throws is retried on the next runs, then failed with a message; no file is left', async () => {
    const job = okData(await world.request(input, T0));
    const broken = (now: Date) => {
      const p = world.platform(now);
      p.storage = {
        ...p.storage,
        putReport: async () => {
          throw new Error('storage unavailable');
        },
      };
      return p;
    };
    const before = await world.exportFiles();
    // Each retry waits a minute more than the last: runs at +1, +3 and +6 minutes each take the job.
    for (const [run, minute] of [
      [1, 1],
      [2, 3],
      [3, 6],
    ] as const) {
      const at = minutesAfter(T0, minute);
      const stats = await world.work(at, broken(at));
      expect(stats).toMatchObject(run < 3 ? { retried: 1, failed: 0 } : { retried: 0, failed: 1 });
      const row = (await jobRow(use(), job.jobId))!;
      expect(row.attempts).toBe(run);
      expect(row.status).toBe(run < 3 ? 'queued' : 'failed');
    }
    const failed = (await world.list(minutesAfter(T0, 6))).find((j) => j.jobId === job.jobId)!;
    expect(failed).toMatchObject({ status: 'failed', rows: null, fileName: null });
    expect(failed.error).toMatch(/生成失败（已重试 3 次）/);
    // A fourth run leaves a failed job alone.
    expect(await world.work(minutesAfter(T0, 30))).toMatchObject({ built: 0, retried: 0 });
    expect(await world.exportFiles()).toEqual(before);
    expect(errorCode(await world.download(job.jobId, minutesAfter(T0, 30)))).toBe('EXPORT_NOT_READY');
  });

  it('a job whose worker died (running past its lease) is built by the next run; lapsing every time fails it', async () => {
    const job = okData(await world.request(input, T0));
    // A worker claimed it and vanished: running, lease until T0 + 2 min.
    await use()
      .kysely.updateTable('export_jobs')
      .set({ status: 'running', attempts: 1, lease_until: minutesAfter(T0, 2) })
      .where('id', '=', job.jobId)
      .execute();
    expect(await world.work(minutesAfter(T0, 1))).toMatchObject({ built: 0 });
    expect(await world.work(minutesAfter(T0, 3))).toMatchObject({ built: 1 });
    expect(await jobRow(use(), job.jobId)).toMatchObject({ status: 'done', attempts: 2 });

    const doomed = okData(await world.request(input, T0));
    await use()
      .kysely.updateTable('export_jobs')
      .set({ status: 'running', attempts: 3, lease_until: minutesAfter(T0, 2) })
      .where('id', '=', doomed.jobId)
      .execute();
    expect(await world.work(minutesAfter(T0, 3))).toMatchObject({ failed: 1, built: 0 });
    expect(await jobRow(use(), doomed.jobId)).toMatchObject({ status: 'failed', attempts: 3 });
  });

  it('after 7 days the retention run deletes the file through the storage port, then the row', async () => {
    const job = okData(await world.request(input, T0));
    await world.work(minutesAfter(T0, 1));
    const file = world.fileOf(okData(await world.download(job.jobId, minutesAfter(T0, 1))).url);
    expect(existsSync(file)).toBe(true);
    // Still there a minute before expiry; refused as gone from the moment it expires.
    await world.work(minutesAfter(daysAfter(T0, 7), -1));
    expect(existsSync(file)).toBe(true);
    expect(errorCode(await world.download(job.jobId, daysAfter(T0, 7)))).toBe('EXPORT_NOT_FOUND');
    const stats = await world.work(daysAfter(T0, 7));
    expect(stats.removed).toBeGreaterThanOrEqual(1);
    expect(existsSync(file)).toBe(false);
    expect(await jobRow(use(), job.jobId)).toBeUndefined();
    expect((await world.list(daysAfter(T0, 7))).find((j) => j.jobId === job.jobId)).toBeUndefined();
  });
});

describeOnPostgres('export jobs under concurrency', (use) => {
  const world = exportWorld(use);
  afterAll(() => rm(world.media, { recursive: true, force: true }));

  it('workers racing over the queue build each job exactly once', async () => {
    const jobs = [];
    for (let i = 0; i < 4; i++) jobs.push(okData(await world.request(input, T0)));
    const at = minutesAfter(T0, 1);
    const runs = await Promise.all([world.work(at), world.work(at), world.work(at)]);
    expect(runs.reduce((n, r) => n + r.built!, 0)).toBe(4);
    expect(runs.reduce((n, r) => n + r.retried!, 0)).toBe(0);
    for (const job of jobs) expect(await jobRow(use(), job.jobId)).toMatchObject({ status: 'done', attempts: 1 });
    expect(await world.exportFiles()).toHaveLength(4);
  });

  it('two workers claiming one job: one builds it, the other finds nothing', async () => {
    const job = okData(await world.request(input, T0));
    const at = minutesAfter(T0, 1);
    const runs = await Promise.all([world.work(at), world.work(at)]);
    expect(runs.map((r) => r.built).sort()).toEqual([0, 1]);
    expect(await jobRow(use(), job.jobId)).toMatchObject({ status: 'done', attempts: 1 });
  });
});
