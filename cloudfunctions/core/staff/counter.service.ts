import type { ActionOutput, CounterMember } from '../contract';
import type { ActionArgs, MemberArgs } from '../context';
import type { Executor } from '../db/db';
import { fail, ok, type Result } from '../errors';
import { redeemAtCounter } from '../coupon';
import { memberCoupons } from '../coupon';
import { creditPoints } from '../points';
import { earnedForOrder } from '../points';
import { currentSettings } from '../settings';
import { tierMultiplier } from '../points';
import { fen, points } from '../shared/money';
import { resolveCounterCode } from './counter-code';
import { counterMember, insertReceipt, staffName } from './repo/staff.repo';

/** `staff.session`: who is at the counter. Reaching it at all proves the caller is staff. */
export async function staffSession({
  caller,
  ctx,
  exec,
}: ActionArgs<'staff.session'>): Promise<Result<ActionOutput<'staff.session'>>> {
  const store = await exec.selectFrom('stores').select('name').where('id', '=', ctx.storeId).executeTakeFirstOrThrow();
  return ok({
    role: caller.role as 'staff' | 'manager',
    storeId: ctx.storeId,
    storeName: store.name,
    // The name the manager set for them, as every staff list shows it.
    nickname: (await staffName(exec, ctx.storeId, caller.openid!)) ?? '',
  });
}

async function panel(args: MemberArgs<unknown>, exec: Executor, memberId: string): Promise<Result<CounterMember>> {
  const m = await counterMember(exec, args.ctx.storeId, memberId);
  if (!m) return fail('MEMBER_CODE_INVALID');
  const held = await memberCoupons({
    ...args,
    exec,
    input: { status: 'usable' },
    caller: { ...args.caller, memberId },
  });
  if (!held.ok) return held;
  return ok({
    memberId: m.id,
    nickname: m.nickname,
    avatarUrl: m.avatar_url,
    tier: { code: m.tier_code, name: m.tier_name },
    points: points(m.points_balance),
    // Held by an unpaid order ('locked') cannot be redeemed here: only what is usable now.
    coupons: held.data.items.filter((c) => c.status === 'usable'),
  });
}

/** `staff.scanMemberCode`: spends the code and shows the member. */
export async function scanMemberCode(args: ActionArgs<'staff.scanMemberCode'>): Promise<Result<CounterMember>> {
  const { input, caller, ctx, exec } = args;
  const who = await resolveCounterCode(exec, { code: input.code, ctx, staffOpenid: caller.openid!, mode: 'scan' });
  if (!who.ok) return who;
  return panel(args, exec, who.data.memberId);
}

/**
 * `staff.awardPoints`: an in-store receipt earns floor(yuan) x the store's points per yuan (店铺设置, as for
 * online orders) x the member's tier multiplier, once per
 * (store, receipt number): the receipt row is insert-or-nothing and the ledger entry is keyed by it.
 */
export async function awardPoints({
  input,
  caller,
  ctx,
  exec,
}: ActionArgs<'staff.awardPoints'>): Promise<Result<ActionOutput<'staff.awardPoints'>>> {
  const who = await resolveCounterCode(exec, { code: input.code, ctx, staffOpenid: caller.openid!, mode: 'act' });
  if (!who.ok) return who;
  const memberId = who.data.memberId;
  const multiplier = await tierMultiplier(exec, memberId);
  const perYuan = (await currentSettings(exec, ctx.storeId)).settings.points.earnPointsPerYuan;
  const earned = earnedForOrder(input.amountFen, multiplier, perYuan);
  const receipt = {
    storeId: ctx.storeId,
    receiptNo: input.receiptNo,
    memberId,
    amountFen: input.amountFen,
    points: earned,
    by: caller.openid!,
    at: ctx.now,
  };
  if (!(await insertReceipt(exec, receipt)))
    return fail('RECEIPT_ALREADY_AWARDED', undefined, { receiptNo: input.receiptNo });
  await creditPoints(exec, {
    memberId,
    points: earned,
    reason: 'award',
    key: `award:${ctx.storeId}:${input.receiptNo}`,
    at: ctx.now,
    metadata: { receiptNo: input.receiptNo, amountFen: input.amountFen, multiplier, perYuan, by: caller.openid },
  });
  const after = await counterMember(exec, ctx.storeId, memberId);
  return ok({
    pointsAwarded: points(earned),
    receiptNo: input.receiptNo,
    amountFen: fen(input.amountFen),
    memberId,
    balance: points(after!.points_balance),
  });
}

/** `staff.redeemCoupon`: marks one of the scanned member's usable coupons used, through the coupon context. */
export async function redeemCoupon({
  input,
  caller,
  ctx,
  exec,
}: ActionArgs<'staff.redeemCoupon'>): Promise<Result<ActionOutput<'staff.redeemCoupon'>>> {
  const who = await resolveCounterCode(exec, { code: input.code, ctx, staffOpenid: caller.openid!, mode: 'act' });
  if (!who.ok) return who;
  const redeemed = await redeemAtCounter(exec, {
    storeId: ctx.storeId,
    memberId: who.data.memberId,
    couponId: input.couponId,
    by: caller.openid!,
    now: ctx.now,
  });
  if (!redeemed.ok) return redeemed;
  return ok({ couponId: input.couponId, status: 'used', memberId: who.data.memberId, title: redeemed.data.title });
}
