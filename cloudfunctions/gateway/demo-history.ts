/**
 * A few months of demo trade for `npm start`, so the manager's dashboard, the RFM segments and the
 * repurchase rate have something to show on a laptop the first time. Everything goes through the real
 * call path (dispatcher, services, payment callback, timers) with the clock moved back, never through
 * inserts of our own: the history obeys every rule and invariant a real one would.
 * Local mode only (the gateway runs it when SEED_DEMO_HISTORY=1, which `npm start` sets); runs once.
 */
import { randomUUID } from 'node:crypto';
import type { ActionInput, ActionName, ActionOutput } from '../core/contract';
import type { Db } from '../core/db/db';
import { dispatch } from '../core/dispatcher';
import type { Envelope } from '../core/errors';
import { payLocally } from './dev-pay';
import type { Platform } from '../core/platform/platform';
import { timers } from '../core/timers/timers';
import { DEMO_STAFF } from '../core/db/seed/seed';

const NICKNAMES = [
  '林晓雨',
  '陈思远',
  '王可欣',
  '赵一鸣',
  '周沐阳',
  '吴佳琪',
  '郑若溪',
  '孙浩然',
  '李安然',
  '黄诗涵',
  '何子墨',
  '高雅婷',
  '罗嘉怡',
  '梁天宇',
  '宋语桐',
  '唐心悦',
  '许哲',
  '韩梦瑶',
  '冯景行',
  '曹依依',
  '彭小满',
  '曾予安',
  '萧雨晴',
  '田野',
  '董星辰',
  '袁小葵',
  '潘乐言',
  '蒋书宁',
];
/** Everyday products with short repurchase cycles, so repeat orders look like a real counter's. */
const SKUS = [
  'sku-amino-acid-cleanser-1',
  'sku-hyaluronic-essence-water-1',
  'sku-vitamin-c-brightening-serum-1',
  'sku-green-tea-balancing-toner-1',
  'sku-amino-acid-cleanser-2',
];
const MANAGER = DEMO_STAFF.find((s) => s.role === 'manager')!.openid;
const DAY = 86_400_000;
const DEMO_HISTORY_MEMBER = (i: number) => `demo-member-${String(i + 1).padStart(2, '0')}`;

/** A small deterministic generator: the same history on every laptop. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

export interface DemoHistoryResult {
  members: number;
  orders: number;
  skipped: boolean;
}

/** Writes the history once (skips when its first member exists). `now` is the demo's present. */
export async function seedDemoHistory(
  db: Db,
  platform: Platform,
  now: Date,
  storeId = 'demo',
): Promise<DemoHistoryResult> {
  const first = await db.kysely
    .selectFrom('members')
    .select('id')
    .where('store_id', '=', storeId)
    .where('openid', '=', DEMO_HISTORY_MEMBER(0))
    .executeTakeFirst();
  if (first) return { members: 0, orders: 0, skipped: true };

  const act = async <N extends ActionName>(
    name: N,
    data: ActionInput<N>,
    openid: string,
    at: Date,
  ): Promise<ActionOutput<N>> => {
    const [fn, action] = name.split('.') as [string, string];
    const answer = (await dispatch(
      fn,
      { action, data, idempotencyKey: `demo-history-${randomUUID()}` },
      {
        db,
        platform,
        identity: { openid, source: 'dev-header' },
        storeId,
        now: at,
        requestId: randomUUID(),
        clientIp: null,
      },
    )) as Envelope<ActionOutput<N>>;
    if (!answer.ok)
      throw new Error(`demo history: ${name} as ${openid} failed: ${answer.error.code} ${answer.error.message}`);
    return answer.data;
  };
  const runTimer = (name: string, at: Date) =>
    timers
      .find((t) => t.name === name)!
      .run({
        db,
        platform,
        identity: { openid: null, source: 'none' },
        storeId,
        now: at,
        requestId: randomUUID(),
        clientIp: null,
      });

  /** One pickup order, paid a minute later and collected at the counter the same afternoon. */
  const buy = async (
    openid: string,
    at: Date,
    items: Array<{ skuId: string; qty: number }>,
    groupBuy?: ActionInput<'order.create'>['groupBuy'],
  ) => {
    const order = await act(
      'order.create',
      { items, delivery: { type: 'pickup' }, ...(groupBuy ? { groupBuy } : {}) },
      openid,
      at,
    );
    const paidAt = new Date(at.getTime() + 60_000);
    const answer = await payLocally(
      db,
      platform.pay,
      {
        returnCode: 'SUCCESS',
        resultCode: 'SUCCESS',
        outTradeNo: order.orderNo,
        transactionId: `demo${randomUUID().replace(/-/g, '')}`.slice(0, 32),
        totalFee: order.payableFen,
      },
      paidAt,
    );
    if (answer.errcode !== 0) throw new Error(`demo history: pay callback refused ${order.orderNo}: ${answer.errmsg}`);
    return order;
  };
  const collect = async (orderId: string, at: Date) => {
    const ready = await act('manager.readyForPickup', { orderId }, MANAGER, new Date(at.getTime() + 2 * 3_600_000));
    await act(
      'manager.verifyPickup',
      { pickupCode: ready.pickupCode! },
      MANAGER,
      new Date(at.getTime() + 5 * 3_600_000),
    );
  };

  const rand = random(20261125);
  const start = new Date(now.getTime() - 150 * DAY);
  let orders = 0;
  const inviter = DEMO_HISTORY_MEMBER(0);
  await act('member.updateProfile', { nickname: NICKNAMES[0]! }, inviter, start);
  const inviteCode = (await act('referral.myInviteCard', {}, inviter, new Date(now.getTime() - 27 * DAY))).inviteCode;

  for (let i = 0; i < NICKNAMES.length; i++) {
    const openid = DEMO_HISTORY_MEMBER(i);
    // The invited friends arrive within the dashboard's 30-day funnel window, early enough to settle.
    const invited = i >= 1 && i <= 5;
    const joined = invited
      ? new Date(now.getTime() - (26 - i) * DAY)
      : new Date(start.getTime() + Math.floor(rand() * 60) * DAY + 11 * 3_600_000);
    await act('member.updateProfile', { nickname: NICKNAMES[i]! }, openid, joined);
    // The first member invited five friends; they bound before their first order.
    if (invited) await act('referral.attribute', { inviteCode }, openid, joined);
    // Walk-ins: a quarter scanned 小禾's code at the counter, a quarter the 徐汇 shop's poster.
    if (i % 4 === 0) await act('shop.welcome', { advisorCode: 'DEMOSTAFF' }, openid, joined);
    if (i % 4 === 1) await act('shop.welcome', { shopCode: 'QHXH' }, openid, joined);
    // Most buy again on their product's cycle; a third stop after one or two orders (the "at risk").
    const count = i % 3 === 2 ? 1 + Math.floor(rand() * 2) : 2 + Math.floor(rand() * 3);
    let at = new Date(joined.getTime() + Math.floor(rand() * 3) * DAY);
    for (let k = 0; k < count && at.getTime() < now.getTime() - 9 * DAY; k++) {
      const skuId = SKUS[Math.floor(rand() * SKUS.length)]!;
      const order = await buy(openid, at, [{ skuId, qty: 1 + Math.floor(rand() * 2) }]);
      await collect(order.orderId, at);
      orders++;
      at = new Date(at.getTime() + (22 + Math.floor(rand() * 20)) * DAY);
    }
  }

  // One group-buy team of two that filled, for the group-buy chart.
  const teamAt = new Date(now.getTime() - 20 * DAY);
  const leader = await buy(DEMO_HISTORY_MEMBER(6), teamAt, [{ skuId: 'sku-amino-acid-cleanser-1', qty: 1 }], {
    campaignId: 'gb-demo-cleanser-2',
  });
  const team = await act('order.get', { orderId: leader.orderId }, DEMO_HISTORY_MEMBER(6), teamAt);
  await buy(
    DEMO_HISTORY_MEMBER(7),
    new Date(teamAt.getTime() + 3_600_000),
    [{ skuId: 'sku-amino-acid-cleanser-1', qty: 1 }],
    {
      campaignId: 'gb-demo-cleanser-2',
      teamId: team.groupBuy!.teamId!,
    },
  );
  orders += 2;

  // Completed orders past the refund window settle (points, growth, referral rewards via the outbox).
  // Timers work in batches, as they do every minute in production: run each until it has nothing left.
  for (const name of ['orderTimer', 'outboxWorker']) {
    for (let run = 0; run < 200; run++) {
      const counts = await runTimer(name, now);
      if (Object.values(counts).every((n) => n === 0)) break;
    }
  }
  return { members: NICKNAMES.length, orders, skipped: false };
}
