import type { Db } from '../../../cloudfunctions/core/db/db';
import { callAction, okData } from '../call';
import { makeOrder, makePaidOrder, newKey, T0 } from '../../integration/order/order-factory';
import { claimed, makeTemplate } from '../../integration/coupon/coupon-factory';
import { makeCampaign, payGroupOrder } from '../../integration/groupbuy/groupbuy-factory';
import { credit, makeMember } from '../../integration/points/points-factory';
import type { IdPool } from './case-generators';

/** The clock every bad-input call runs at: a day after the victim's objects were made. */
export const AT = new Date(T0.getTime() + 24 * 3_600_000);

export interface HostileWorld {
  /** The customer who sends the hostile calls (exists before the first snapshot). */
  attackerOpenid: string;
  pool: IdPool;
  /** Strings that identify the victim's private data: none may appear in an answer to someone else. */
  privateMarkers: string[];
}

/** The victim's address-book entry; its street text must never reach another member. */
const VICTIM_ADDRESS = {
  name: '受害人',
  phone: '13912345678',
  province: '浙江省',
  city: '杭州市',
  district: '西湖区',
  detail: '受害人私密门牌 88 号',
};

/**
 * Another member with something of everything (points, a coupon, an address, a pending order, a paid order, a
 * paid order with a refund request, a group-buy seat), made through the factories, and the attacker.
 */
export async function makeHostileWorld(db: Db): Promise<HostileWorld> {
  const sku = await db.kysely
    .selectFrom('skus')
    .select(['id', 'product_id'])
    .where('active', '=', true)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const items = [{ skuId: sku.id, qty: 1 }];
  // The least-role callers exist before the first snapshot: a first call creates the caller's own
  // member row (and welcome gifts) whatever the input, which is not what this suite looks for.
  for (const openid of ['demo-staff', 'demo-manager'])
    okData(await callAction(db, 'member.me', {}, { openid, now: T0 }));
  const victim = await makeMember(db);
  const attacker = await makeMember(db);
  await credit(db, victim.id, 500, T0);
  const templateId = await makeTemplate(db);
  const couponId = await claimed(db, victim.openid, templateId, T0);
  const pending = await makeOrder(db, { items, openid: victim.openid, now: T0 });
  const paid = await makePaidOrder(db, { items, openid: victim.openid, now: T0, delivery: 'pickup' });
  const refunded = await makePaidOrder(db, { items, openid: victim.openid, now: T0 });
  const refund = okData(
    await callAction(
      db,
      'order.requestRefund',
      { orderId: refunded.orderId, reason: '不想要了' },
      { openid: victim.openid, now: T0, idempotencyKey: newKey() },
    ),
  );
  const campaign = await makeCampaign(db);
  const seat = await payGroupOrder(db, {
    campaignId: campaign.campaignId,
    skuId: campaign.skuId,
    openid: victim.openid,
  });
  const victimAddress = okData(
    await callAction(
      db,
      'member.address.save',
      { ...VICTIM_ADDRESS },
      { openid: victim.openid, now: T0, idempotencyKey: newKey() },
    ),
  ).address;
  const orders = [pending, paid, refunded, seat];
  const lines = await db.kysely
    .selectFrom('order_lines')
    .select('id')
    .where(
      'order_id',
      'in',
      orders.map((o) => o.orderId),
    )
    .execute();

  const foreign = [
    ...orders.map((o) => ({ kind: 'order', id: o.orderId })),
    ...lines.map((l) => ({ kind: 'line', id: l.id })),
    { kind: 'coupon', id: couponId },
    { kind: 'refund', id: refund.refundId },
    { kind: 'address', id: victimAddress.addressId },
    { kind: 'member', id: victim.openid },
    { kind: 'member', id: victim.id },
  ];
  const shared = [
    { kind: 'sku', id: sku.id },
    { kind: 'product', id: sku.product_id },
    { kind: 'template', id: templateId },
    { kind: 'campaign', id: campaign.campaignId },
    ...(seat.teamId ? [{ kind: 'team', id: seat.teamId }] : []),
  ];
  return {
    attackerOpenid: attacker.openid,
    pool: { foreign, shared },
    privateMarkers: [...foreign.map((f) => f.id), ...orders.map((o) => o.orderNo), VICTIM_ADDRESS.detail],
  };
}
