import { sql, type Transaction } from 'kysely';
import type { CallContext } from '../context';
import type { Executor } from '../db/db';
import type { Database } from '../db/schema';
import { DEFAULT_TIERS, type TierBenefits } from '../member';
import { inShanghai } from '../shared/time';
import { issueCoupon } from './issue-coupon';

type AutoSource = 'new_member' | 'birthday';

/** Thrown inside the issuing transaction to roll back the dedupe row when issueCoupon refuses. */
class Refused extends Error {}

async function autoTemplates(exec: Executor, storeId: string, source: AutoSource): Promise<string[]> {
  const rows = await exec
    .selectFrom('coupon_templates')
    .select('id')
    .where('store_id', '=', storeId)
    .where('auto_issue', '=', source)
    .where('active', '=', true)
    .orderBy('sort')
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

/**
 * One automatic issue, once per (member, template, source, period): the dedupe row is inserted
 * first (a concurrent run waits on its key, then skips), then the coupon. A refusal (sold out,
 * ended, limit) rolls both back, so nothing is recorded and a later run may retry.
 */
async function issueOnce(
  tx: Transaction<Database>,
  q: { storeId: string; memberId: string; templateId: string; source: AutoSource; period: string; now: Date },
): Promise<boolean> {
  const claimed = await tx
    .insertInto('coupon_auto_issues')
    .values({
      member_id: q.memberId,
      template_id: q.templateId,
      source: q.source,
      period: q.period,
      coupon_id: null,
      issued_at: q.now,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('member_id')
    .execute();
  if (claimed.length === 0) return false;
  const issued = await issueCoupon(tx, {
    storeId: q.storeId,
    memberId: q.memberId,
    templateId: q.templateId,
    source: q.source,
    now: q.now,
  });
  if (!issued.ok) throw new Refused(issued.error.code);
  await tx
    .updateTable('coupon_auto_issues')
    .set({ coupon_id: issued.data.couponId })
    .where('member_id', '=', q.memberId)
    .where('template_id', '=', q.templateId)
    .where('source', '=', q.source)
    .where('period', '=', q.period)
    .execute();
  return true;
}

/**
 * Runs `fn` atomically on `exec`: its own transaction on the database, a savepoint inside the
 * caller's transaction. A failure inside leaves the caller's work (and transaction) intact.
 */
async function atomically(exec: Executor, fn: (tx: Transaction<Database>) => Promise<boolean>): Promise<boolean> {
  if (!exec.isTransaction) return exec.transaction().execute(fn);
  const tx = exec as Transaction<Database>;
  await sql`savepoint auto_issue`.execute(tx);
  try {
    const result = await fn(tx);
    await sql`release savepoint auto_issue`.execute(tx);
    return result;
  } catch (err) {
    await sql`rollback to savepoint auto_issue`.execute(tx);
    await sql`release savepoint auto_issue`.execute(tx);
    throw err;
  }
}

/** Issues one automatic coupon; never throws (a refusal or failure means no coupon, nothing more). */
async function tryIssue(exec: Executor, q: Parameters<typeof issueOnce>[1]): Promise<boolean> {
  try {
    return await atomically(exec, (tx) => issueOnce(tx, q));
  } catch (err) {
    if (!(err instanceof Refused))
      console.warn(`[auto-issue] ${q.source} ${q.templateId} -> ${q.memberId} failed`, err);
    return false;
  }
}

/**
 * The new-member gift: run by member registration's new-member hook (core/plugins.ts), in the
 * transaction that inserted the member (only the insert's winner runs it, and the dedupe row makes
 * it once per member ever regardless). Never fails: a
 * sold-out or broken gift template leaves the member created without the coupon.
 */
export async function issueNewMemberGifts(
  exec: Executor,
  storeId: string,
  memberId: string,
  now: Date,
): Promise<number> {
  let issued = 0;
  try {
    for (const templateId of await autoTemplates(exec, storeId, 'new_member')) {
      if (await tryIssue(exec, { storeId, memberId, templateId, source: 'new_member', period: 'once', now })) issued++;
    }
  } catch (err) {
    console.warn(`[auto-issue] new-member gifts for ${memberId} failed`, err);
  }
  return issued;
}

/** Month-day keys (MM-DD, Shanghai) whose birthday is today: Feb 29 falls on Feb 28 in non-leap years. */
function birthdayKeysOn(now: Date): string[] {
  const today = inShanghai(now);
  const key = today.format('MM-DD');
  const year = today.year();
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return key === '02-28' && !leap ? ['02-28', '02-29'] : [key];
}

/** Stored benefits override the defaults field by field (as member.benefits reads them). */
function birthdayBenefit(code: string, stored: Record<string, unknown> | null | undefined): boolean {
  const fallback: TierBenefits = DEFAULT_TIERS.find((t) => t.code === code)?.benefits ?? DEFAULT_TIERS[0]!.benefits;
  const value = (stored ?? {})['birthdayCoupon'];
  return typeof value === 'boolean' ? value : fallback.birthdayCoupon;
}

/**
 * Timer `birthdayTimer` (daily 00:20 Shanghai): members whose birthday is today and whose tier has
 * the birthdayCoupon benefit get each of their store's birthday templates once per calendar year.
 * Two concurrent runs issue once: the (member, template, 'birthday', year) dedupe key.
 */
export async function runBirthdayTimer(ctx: CallContext): Promise<Record<string, number>> {
  const db = ctx.db.kysely;
  const year = String(inShanghai(ctx.now).year());
  const members = await db
    .selectFrom('members as m')
    .innerJoin('tiers as t', (j) => j.onRef('t.store_id', '=', 'm.store_id').onRef('t.code', '=', 'm.tier_code'))
    .select(['m.id', 'm.store_id', 'm.tier_code', 't.benefits'])
    .where(sql<string>`to_char(m.birthday, 'MM-DD')`, 'in', birthdayKeysOn(ctx.now))
    .orderBy('m.id')
    .execute();
  const templatesByStore = new Map<string, string[]>();
  let eligible = 0;
  let coupons = 0;
  for (const m of members) {
    if (!birthdayBenefit(m.tier_code, m.benefits)) continue;
    eligible++;
    let templates = templatesByStore.get(m.store_id);
    if (!templates) templatesByStore.set(m.store_id, (templates = await autoTemplates(db, m.store_id, 'birthday')));
    for (const templateId of templates) {
      if (
        await tryIssue(db, {
          storeId: m.store_id,
          memberId: m.id,
          templateId,
          source: 'birthday',
          period: year,
          now: ctx.now,
        })
      )
        coupons++;
    }
  }
  return { members: eligible, coupons };
}
