import type { ActionArgs, CallContext } from '../context';
import type { Executor } from '../db/db';
import { fail, ok, type Result } from '../errors';
import { clearSubscription, returnSubscribeQuota, spendSubscribeQuota } from '../member';
import { enqueue, type PayloadOf } from '../outbox/outbox';
import { templateIds } from '../settings';
import { inShanghai } from '../shared/time';
import { findProduct } from './repo/catalog.repo';
import {
  claimRestockNotice,
  findRestockWaiters,
  productStock,
  settleRestockNotice,
  upsertRestockRequest,
} from './repo/restock.repo';

/**
 * `catalog.subscribeRestock`: the member asks to hear when a sold-out product is back. One request per
 * member and product, so a second tap is the same request. The answer names the template the weapp
 * then asks the member to accept (WeChat allows that only right after a tap).
 */
export async function subscribeRestock({
  input,
  caller,
  ctx,
  exec,
}: ActionArgs<'catalog.subscribeRestock'>): Promise<Result<{ subscribed: true; templateId: string | null }>> {
  const product = await findProduct(exec, ctx.storeId, input.productId);
  if (!product) return fail('NOT_FOUND', '商品不存在或已下架', { productId: input.productId });
  if ((await productStock(exec, product.id)) > 0) return fail('PRODUCT_IN_STOCK');
  await upsertRestockRequest(exec, { memberId: caller.memberId, productId: product.id, now: ctx.now });
  return ok({ subscribed: true, templateId: (await templateIds(exec, ctx.storeId)).restock });
}

/**
 * Called in the transaction of a stock edit: when a product goes from sold out to in stock, one
 * outbox message per waiting member, keyed by their request, so a replayed edit queues nothing new.
 */
export async function announceRestock(
  tx: Executor,
  q: { productId: string; stockBefore: number; now: Date },
): Promise<void> {
  if (q.stockBefore > 0 || (await productStock(tx, q.productId)) === 0) return;
  for (const waiter of await findRestockWaiters(tx, q.productId)) {
    await enqueue(tx, {
      topic: 'restock.notify',
      dedupeKey: `restock.notify:${q.productId}:${waiter.member_id}:${waiter.created_at.toISOString()}`,
      payload: { productId: q.productId, memberId: waiter.member_id },
      now: q.now,
    });
  }
}

/**
 * Outbox handler `restock.notify`: tells one member, once. The request is claimed by a conditional
 * update before sending, so a duplicate delivery sends nothing; a send that a retry may fix gives
 * the claim and the consent back. Without the member's consent (a one-time grant from the weapp) or
 * a configured template nothing is sent: WeChat would refuse it, and the reason is recorded.
 */
export async function sendRestockNotice(
  ctx: CallContext,
  payload: PayloadOf<'restock.notify'>,
): Promise<'done' | 'retry'> {
  const db = ctx.db.kysely;
  const who = { memberId: payload.memberId, productId: payload.productId };
  const claimed = await claimRestockNotice(db, { ...who, now: ctx.now });
  if (!claimed) return 'done';
  const templateId = (await templateIds(db, ctx.storeId)).restock;
  const consent = templateId ? await spendSubscribeQuota(db, payload.memberId, templateId, ctx.now) : null;
  if (!templateId || !consent) {
    await settleRestockNotice(db, { ...who, retry: false, error: templateId ? 'no subscription' : 'no template' });
    return 'done';
  }
  const result = await ctx.platform.messages.sendSubscribeMessage({
    openid: claimed.openid,
    templateId,
    page: `packages/goods/detail?id=${encodeURIComponent(payload.productId)}`,
    data: {
      thing1: { value: claimed.title.slice(0, 20) },
      thing2: { value: '你订阅的商品已到货，库存有限' },
      time3: { value: inShanghai(ctx.now).format('YYYY-MM-DD HH:mm') },
    },
  });
  if (result.ok) return 'done';
  if (result.retryable) {
    if (consent === 'one_time') await returnSubscribeQuota(db, payload.memberId, templateId, ctx.now);
    await settleRestockNotice(db, { ...who, retry: true, error: result.reason });
    return 'retry';
  }
  if (result.errcode === 43101) await clearSubscription(db, payload.memberId, templateId, ctx.now);
  await settleRestockNotice(db, { ...who, retry: false, error: result.reason });
  return 'done';
}
