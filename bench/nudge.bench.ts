import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../cloudfunctions/core/db/db';
import { DEFAULT_NUDGE_SETTINGS } from '../cloudfunctions/core/nudge/domain/settings';
import { runNudgeTimer } from '../cloudfunctions/core/nudge/nudge-run.service';
import { refreshMemberStats } from '../cloudfunctions/core/nudge/repo/member-stats.repo';
import { createLocalPlatform } from '../cloudfunctions/core/platform/local/local-platform';
import { createOwnDatabase } from '../test/support/postgres-database';

/** The daily run's clock: 10:00 Shanghai. */
const NOW = new Date('2026-09-01T10:00:00+08:00');
const MASK = { product: 'p-hyaluronic-sheet-mask', sku: 'sku-hyaluronic-sheet-mask-1' }; // 30-day cycle
const SET = { product: 'p-hydration-routine-set', sku: 'sku-hydration-routine-set-1' }; // 90-day cycle

/**
 * `members` members with 3 orders each (generate_series), none due: orders 300-280 days ago of a
 * 90-day product, spaced 10 days (win-back at-risk long passed), every member holding one quota.
 */
export async function generate(db: Db, members: number): Promise<void> {
  const k = db.kysely;
  await sql`insert into members (id, store_id, openid, nickname, tier_code, invite_code)
            select 'bm' || g, 'demo', 'bo' || g, '会员' || g, 'normal', 'BI' || g from generate_series(1, ${members}::int) g`.execute(
    k,
  );
  await sql`insert into orders (id, order_no, store_id, member_id, status, delivery_type, subtotal_fen, payable_fen, expires_at, paid_at, created_at)
            select 'bo' || g || '_' || n, 'BN' || g || 'x' || n, 'demo', 'bm' || g, 'completed', 'pickup', 9900, 9900, t, t, t
              from generate_series(1, ${members}::int) g, generate_series(1, 3) n,
                   lateral (select ${NOW}::timestamptz - ((300 - n * 10 + g % 50) * interval '1 day') as t) x`.execute(
    k,
  );
  await sql`insert into order_lines (id, order_id, sku_id, product_id, title, specs_text, image, qty, unit_price_fen, member_price_fen, payable_fen)
            select 'bl' || o.id, o.id, ${SET.sku}, ${SET.product}, '套装', '', '', 1, 9900, 9900, 9900 from orders o where o.id like 'bo%'`.execute(
    k,
  );
  await sql`insert into subscribe_quotas (member_id, template_id, remaining, updated_at)
            select id, ${DEFAULT_NUDGE_SETTINGS.templateId}, 1, ${NOW} from members where id like 'bm%'`.execute(k);
  await sql`analyze`.execute(k);
}

/** Makes members [from, to] due: a 30-day mask bought 31 days ago (inside the catch-up window). */
export async function makeDue(db: Db, from: number, to: number): Promise<void> {
  const k = db.kysely;
  await sql`insert into orders (id, order_no, store_id, member_id, status, delivery_type, subtotal_fen, payable_fen, expires_at, paid_at, created_at)
            select 'bd' || g, 'BD' || g, 'demo', 'bm' || g, 'completed', 'pickup', 9900, 9900, t, t, t
              from generate_series(${from}::int, ${to}::int) g, lateral (select ${NOW}::timestamptz - interval '31 days' as t) x`.execute(
    k,
  );
  await sql`insert into order_lines (id, order_id, sku_id, product_id, title, specs_text, image, qty, unit_price_fen, member_price_fen, payable_fen)
            select 'bl' || o.id, o.id, ${MASK.sku}, ${MASK.product}, '面膜', '', '', 1, 9900, 9900, 9900 from orders o where o.id like 'bd%' and not exists (select 1 from order_lines l where l.order_id = o.id)`.execute(
    k,
  );
  await sql`analyze orders`.execute(k);
}

/** Nothing of today's run left over: no nudges or their messages, every quota back to one. */
async function clearToday(db: Db): Promise<void> {
  const k = db.kysely;
  await sql`delete from outbox where topic = 'nudge.send'`.execute(k);
  await sql`delete from nudges`.execute(k);
  await sql`delete from nudge_runs where run_at >= ${NOW}`.execute(k);
  await sql`update subscribe_quotas set remaining = 1 where remaining <> 1`.execute(k);
  await sql`vacuum analyze nudges, outbox, subscribe_quotas`.execute(k);
}

/** Yesterday's run as a watermark (member stats backfilled once, timed), and a clean today. */
export async function resetToYesterday(db: Db): Promise<number> {
  const k = db.kysely;
  await sql`delete from nudge_runs`.execute(k);
  await clearToday(db);
  const yesterday = new Date(NOW.getTime() - 86_400_000);
  const t = performance.now();
  await refreshMemberStats(k, { storeId: 'demo', now: yesterday, since: null });
  const backfill = (performance.now() - t) / 1000;
  await k.insertInto('nudge_runs').values({ store_id: 'demo', run_at: yesterday, counts: '{}' }).execute();
  await sql`vacuum analyze`.execute(k);
  return backfill;
}

/** Best of `reps` daily runs (the machine is shared: the minimum is the least disturbed), each from a clean today. */
async function bestDailyRun(
  db: Db,
  reps = 3,
): Promise<{ seconds: number; queued: number; due: number; all: number[] }> {
  const runs = [];
  for (let i = 0; i < reps; i++) {
    await clearToday(db);
    runs.push(await dailyRun(db));
  }
  const best = runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  return { ...best, all: runs.map((r) => r.seconds) };
}

async function dailyRun(db: Db): Promise<{ seconds: number; queued: number; due: number }> {
  const platform = createLocalPlatform({ devAuth: false, db, now: () => NOW });
  const t = performance.now();
  const counts = await runNudgeTimer({
    db,
    platform,
    identity: { openid: null, source: 'none' },
    storeId: 'demo',
    now: NOW,
    requestId: randomUUID(),
    clientIp: null,
  });
  return { seconds: (performance.now() - t) / 1000, queued: counts.queued ?? 0, due: counts.due ?? 0 };
}

export interface NudgeScenario {
  label: string;
  members: number;
  due: number;
  seconds: number;
  all: number[];
  queued: number;
  backfill: number;
}

/**
 * The nudge timer at scale: 10k and 100k members (3 orders each), with 1k due members at both
 * sizes (cost should not follow the total) and 10k due at 100k (cost should follow the due).
 */
export async function nudgeScale(adminUrl: string, log: (line: string) => void): Promise<NudgeScenario[]> {
  const results: NudgeScenario[] = [];
  for (const members of [10_000, 100_000]) {
    const own = await createOwnDatabase(adminUrl, { prefix: 'bench_nudge', poolSize: 4 });
    try {
      const g = performance.now();
      await generate(own.db, members);
      await makeDue(own.db, 1, 1_000);
      log(
        `  generated ${members} members, ${members * 3 + 1000} orders in ${((performance.now() - g) / 1000).toFixed(1)} s`,
      );
      const dues = members === 100_000 ? [1_000, 10_000] : [1_000];
      for (const due of dues) {
        if (due > 1_000) await makeDue(own.db, 1_001, due);
        const backfill = await resetToYesterday(own.db);
        const r = await bestDailyRun(own.db);
        results.push({ label: `${members / 1000}k members, ${due / 1000}k due`, members, backfill, ...r });
      }
    } finally {
      await own.drop();
    }
  }
  return results;
}
