import type { ActionInput, ActionOutput } from '../contract';
import type { CallContext, MemberArgs } from '../context';
import { ok, type Result } from '../errors';
import type { PayloadOf } from '../outbox/outbox';

type OrderSettledEvent = PayloadOf<'order.settled'>;
type OrderRefundedEvent = PayloadOf<'order.refunded'>;
import { points } from '../shared/money';
import { currentSettings } from '../settings';
import { earnedForOrder, pointsForYuan, REASON_TEXT, wholeYuan } from './domain/points-rules';
import { creditPoints, expireDueLots, takeBack } from './points-ledger';
import {
  entriesPage,
  findEntry,
  lockMember,
  membersWithDueLots,
  reversalsOf,
  tierMultiplier,
} from './repo/points.repo';

/** Members handled per expiry run; the next daily run picks up the rest. */
const EXPIRY_BATCH = 500;
const HISTORY_PAGE = 20;

/**
 * `order.settled` consumer: credits floor(paid yuan) x the order's own earn rate (its store settings
 * when placed) x the member's current tier multiplier as a lot,
 * once per order (`earn:<orderId>`). Runs before the growth consumer, so the order that lifts a member
 * to a higher tier still earns at the old rate and the next one at the new rate.
 */
export async function earnPointsOnSettled(ctx: CallContext, event: OrderSettledEvent): Promise<void> {
  await ctx.db.kysely.transaction().execute(async (tx) => {
    const multiplier = await tierMultiplier(tx, event.memberId);
    const perYuan = event.pointsPerYuan ?? 1;
    const earned = earnedForOrder(event.paidFen, multiplier, perYuan);
    await creditPoints(tx, {
      memberId: event.memberId,
      points: earned,
      reason: 'earn',
      key: `earn:${event.orderId}`,
      at: new Date(event.settledAt),
      orderId: event.orderId,
      metadata: { paidFen: event.paidFen, multiplier, perYuan },
    });
  });
}

/**
 * `order.refunded` consumer: reverses what the order earned, once per refund
 * (`refund_reversal:<refundId>`). Only refunds after settlement matter (earlier ones already reduced the
 * settled amount). A whole-order refund reverses everything the order still has; a partial one reverses
 * floor(refund yuan) x the rate and multiplier the order earned at, capped by what is left. If the balance is
 * short, it takes what is there and records the shortfall; the balance never goes negative.
 * (Points the order *spent* come back through `releasePoints`, which the refund callback calls.)
 */
export async function reversePointsOnRefunded(ctx: CallContext, event: OrderRefundedEvent): Promise<void> {
  if (!event.afterSettlement) return;
  await ctx.db.kysely.transaction().execute(async (tx) => {
    if (!(await lockMember(tx, event.memberId))) return;
    const earn = await findEntry(tx, `earn:${event.orderId}`);
    if (!earn) return;
    const meta = earn.metadata as { multiplier?: number; perYuan?: number };
    const multiplier = Number(meta.multiplier ?? 1);
    const perYuan = Number(meta.perYuan ?? 1);
    const already = (await reversalsOf(tx, event.memberId, event.orderId)).reduce(
      (sum, r) => sum + Number((r.metadata as { target?: number }).target ?? -r.delta),
      0,
    );
    const left = Math.max(0, earn.delta - already);
    const wanted = event.wholeOrder
      ? left
      : Math.min(left, pointsForYuan(wholeYuan(event.refundFen) * perYuan, multiplier));
    if (wanted === 0) return;
    await takeBack(tx, {
      memberId: event.memberId,
      wanted,
      key: `refund_reversal:${event.refundId}`,
      at: new Date(event.refundedAt),
      orderId: event.orderId,
      preferLot: earn.lot_id,
      metadata: { refundId: event.refundId, refundFen: event.refundFen },
    });
  });
}

/**
 * pointsTimer (daily 00:10 Shanghai): expires lots past their expiry, one member per transaction.
 * Two runs at once are safe: each takes the member lock and the lot updates are conditional.
 */
export async function runPointsTimer(ctx: CallContext): Promise<Record<string, number>> {
  let members = 0;
  let lots = 0;
  for (const memberId of await membersWithDueLots(ctx.db.kysely, ctx.now, EXPIRY_BATCH)) {
    const expired = await ctx.db.kysely.transaction().execute(async (tx) => {
      await lockMember(tx, memberId);
      return expireDueLots(tx, memberId, ctx.now);
    });
    if (expired > 0) members++;
    lots += expired;
  }
  return { members, lots };
}

/** `member.pointsHistory`: the member's entries, newest first, 20 a page, with the balance and the store's points rules. */
export async function pointsHistory({
  input,
  caller,
  ctx,
  exec,
}: MemberArgs<ActionInput<'member.pointsHistory'>>): Promise<Result<ActionOutput<'member.pointsHistory'>>> {
  const memberId = caller.memberId;
  const before = input.cursor ? Number(input.cursor) : null;
  const rows = await entriesPage(
    exec,
    memberId,
    before !== null && Number.isSafeInteger(before) ? before : null,
    HISTORY_PAGE + 1,
  );
  const page = rows.slice(0, HISTORY_PAGE);
  const member = await exec
    .selectFrom('members')
    .select('points_balance')
    .where('id', '=', memberId)
    .executeTakeFirst();
  const { earnPointsPerYuan, redeemPointsPerYuan, redeemCapPercent } = (await currentSettings(exec, ctx.storeId))
    .settings.points;
  return ok({
    items: page.map((r) => ({
      id: String(r.id),
      delta: points(r.delta),
      reason: r.reason,
      reasonText: REASON_TEXT[r.reason],
      createdAt: r.created_at.toISOString(),
      expiresAt: r.expires_at && r.delta > 0 ? r.expires_at.toISOString() : null,
      orderId: r.order_id ?? undefined,
    })),
    nextCursor: rows.length > HISTORY_PAGE ? String(page[page.length - 1]!.id) : null,
    balance: points(member?.points_balance ?? 0),
    rules: { earnPointsPerYuan, redeemPointsPerYuan, redeemCapPercent },
  });
}
