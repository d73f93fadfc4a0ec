import { expect } from 'vitest';
import type { Db } from '../../../cloudfunctions/core/db/db';
import type { ActionInput } from '../../../cloudfunctions/core/contract';
import { callAction, okData } from '../../support/call';
import { MANAGER, T0, newKey, newOpenid, pay, payEvent, type MadeOrder } from '../order/order-factory';

const HOUR = 3_600_000;
export const hoursAfter = (at: Date, hours: number) => new Date(at.getTime() + hours * HOUR);

/** A campaign created through `manager.createCampaign` (starts at T0, ends 30 days later). */
export async function makeCampaign(db: Db, overrides: Partial<ActionInput<'manager.createCampaign'>> = {}) {
  const input = {
    skuId: 'sku-green-tea-balancing-toner-1',
    title: '测试拼团',
    groupPriceFen: 5000,
    teamSize: 3,
    stockCap: 1000,
    endsAt: new Date(T0.getTime() + 30 * 24 * HOUR).toISOString(),
    ...overrides,
  };
  return okData(
    await callAction(db, 'manager.createCampaign', input, { openid: MANAGER, now: T0, idempotencyKey: newKey() }),
  );
}

/** `order.create` for a group-buy (pickup: no shipping fee, so payable = group price). */
export function createGroupOrder(
  db: Db,
  q: { campaignId: string; skuId: string; teamId?: string; openid?: string; now?: Date },
) {
  const groupBuy = q.teamId ? { campaignId: q.campaignId, teamId: q.teamId } : { campaignId: q.campaignId };
  return callAction(
    db,
    'order.create',
    { items: [{ skuId: q.skuId, qty: 1 }], delivery: { type: 'pickup' as const }, groupBuy },
    {
      openid: q.openid ?? newOpenid(),
      now: q.now ?? T0,
      idempotencyKey: newKey(),
    },
  );
}

export async function makeGroupOrder(
  db: Db,
  q: { campaignId: string; skuId: string; teamId?: string; openid?: string; now?: Date },
): Promise<MadeOrder> {
  const openid = q.openid ?? newOpenid();
  const now = q.now ?? T0;
  const created = okData(await createGroupOrder(db, { ...q, openid, now }));
  return { orderId: created.orderId, orderNo: created.orderNo, payableFen: created.payableFen, openid, createdAt: now };
}

/** Creates and pays a group-buy order through the real payment callback; answers the order's team. */
export async function payGroupOrder(
  db: Db,
  q: { campaignId: string; skuId: string; teamId?: string; openid?: string; now?: Date },
) {
  const order = await makeGroupOrder(db, q);
  expect(await pay(db, order, q.now ?? T0, payEvent(order))).toEqual({ errcode: 0, errmsg: 'ok' });
  return { ...order, teamId: await teamOf(db, order.orderId) };
}

async function teamOf(db: Db, orderId: string): Promise<string | null> {
  const row = await db.kysely
    .selectFrom('groupbuy_team_members')
    .select('team_id')
    .where('order_id', '=', orderId)
    .executeTakeFirst();
  return row?.team_id ?? null;
}

export async function teamRow(db: Db, teamId: string) {
  return db.kysely.selectFrom('groupbuy_teams').selectAll().where('id', '=', teamId).executeTakeFirstOrThrow();
}

export async function campaignRow(db: Db, campaignId: string) {
  return db.kysely.selectFrom('groupbuy_campaigns').selectAll().where('id', '=', campaignId).executeTakeFirstOrThrow();
}

/** Row counts of every table group-buy writes: a refused call leaves them all unchanged. */
export async function groupbuyCounts(db: Db): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of [
    'orders',
    'order_lines',
    'refunds',
    'outbox',
    'groupbuy_teams',
    'groupbuy_team_members',
    'groupbuy_member_seats',
    'groupbuy_campaigns',
  ] as const) {
    const row = await db.kysely
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  const stock = await db.kysely
    .selectFrom('skus')
    .select((eb) => eb.fn.sum<number>('stock').as('s'))
    .executeTakeFirstOrThrow();
  counts.stock = Number(stock.s);
  return counts;
}
