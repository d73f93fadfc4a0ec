import { expect, it } from 'vitest';
import { callAction, okData } from '../../support/call';
import { describeEachDatabase } from '../../support/databases';
import type { Db } from '../../../cloudfunctions/core/db/db';
import { linesOf, makePaidOrder, orderRow, refundsOf } from '../order/order-factory';
import { errorOf, key, MANAGER, STAFF } from './staff-factory';

const SERUM = 'sku-vitamin-c-brightening-serum-1';
const CLEANSER = 'sku-amino-acid-cleanser-1';

function asManager<N extends Parameters<typeof callAction>[1]>(
  db: Db,
  name: N,
  data: Parameters<typeof callAction<N>>[2],
  now = new Date('2026-05-01T08:30:05Z'),
) {
  return callAction(db, name, data, { openid: MANAGER, now, idempotencyKey: key() });
}

describeEachDatabase('operators: 管理后台 summary, order search, refund quotes, staff names, 操作日志', (use) => {
  it('counts the Shanghai business day: an order paid at 23:59 belongs to that day, one at 00:01 to the next', async () => {
    // Paid one minute after creation: 2031-03-02 23:59 and 2031-03-03 00:01 in Shanghai.
    const late = await makePaidOrder(use(), {
      items: [{ skuId: SERUM, qty: 1 }],
      now: new Date('2031-03-02T15:58:00Z'),
    });
    const early = await makePaidOrder(use(), {
      items: [{ skuId: CLEANSER, qty: 2 }],
      now: new Date('2031-03-02T16:00:00Z'),
    });
    const dayOne = okData(await asManager(use(), 'manager.summary', {}, new Date('2031-03-02T04:00:00Z')));
    expect(dayOne).toMatchObject({
      day: '2031-03-02',
      salesFen: late.payableFen,
      orderCount: 1,
      averageFen: late.payableFen,
    });
    const dayTwo = okData(await asManager(use(), 'manager.summary', {}, new Date('2031-03-03T15:59:59Z')));
    expect(dayTwo).toMatchObject({ day: '2031-03-03', salesFen: early.payableFen, orderCount: 1 });
    const dayThree = okData(await asManager(use(), 'manager.summary', {}, new Date('2031-03-03T16:00:00Z')));
    expect(dayThree).toMatchObject({ day: '2031-03-04', salesFen: 0, orderCount: 0, averageFen: 0 });
  });

  it('averages the day to the fen and counts the queues the lists they open show', async () => {
    const at = new Date('2031-06-10T02:00:00Z');
    const a = await makePaidOrder(use(), { items: [{ skuId: SERUM, qty: 1 }], now: at });
    const b = await makePaidOrder(use(), { items: [{ skuId: CLEANSER, qty: 1 }], now: at });
    const c = await makePaidOrder(use(), { items: [{ skuId: CLEANSER, qty: 3 }], delivery: 'pickup', now: at });
    const summary = okData(await asManager(use(), 'manager.summary', {}, new Date('2031-06-10T09:00:00Z')));
    const total = a.payableFen + b.payableFen + c.payableFen;
    expect(summary).toMatchObject({ salesFen: total, orderCount: 3, averageFen: Math.round(total / 3) });

    const listed = async (status: 'paid' | 'ready_for_pickup') => {
      let n = 0;
      let cursor: string | undefined;
      do {
        const page = okData(await asManager(use(), 'manager.listOrders', { status, ...(cursor ? { cursor } : {}) }));
        n += page.items.length;
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return n;
    };
    expect(summary.toShip).toBe(await listed('paid'));
    okData(await asManager(use(), 'manager.readyForPickup', { orderId: c.orderId }));
    const afterReady = okData(await asManager(use(), 'manager.summary', {}));
    expect(afterReady.toShip).toBe(summary.toShip - 1);
    expect(afterReady.toPickUp).toBe(await listed('ready_for_pickup'));
    okData(
      await callAction(
        use(),
        'order.requestRefund',
        { orderId: a.orderId, reason: '不想要了' },
        { openid: a.openid, now: new Date('2031-06-10T10:00:00Z'), idempotencyKey: key() },
      ),
    );
    const requested = okData(await asManager(use(), 'manager.listRefunds', { status: 'requested' })).items.length;
    expect(okData(await asManager(use(), 'manager.summary', {})).refundsToReview).toBe(requested);
    expect(requested).toBeGreaterThan(0);
  });

  it('quotes a refund of chosen lines for exactly what the refund then takes, shipping only with the whole remainder', async () => {
    const order = await makePaidOrder(use(), {
      items: [
        { skuId: SERUM, qty: 1 },
        { skuId: CLEANSER, qty: 1 },
      ],
    });
    const [first, second] = await linesOf(use(), order.orderId);
    const quote = okData(
      await asManager(use(), 'manager.quoteRefund', { orderId: order.orderId, lineIds: [first!.id] }),
    );
    expect(quote.lines.map((l) => l.lineId).sort()).toEqual([first!.id, second!.id].sort());
    expect(quote).toMatchObject({ amountFen: first!.payable_fen, shippingFen: 0, lineIds: [first!.id] });
    const whole = okData(await asManager(use(), 'manager.quoteRefund', { orderId: order.orderId }));
    const shipping = (await orderRow(use(), order.orderId)).shipping_fen;
    expect(whole.amountFen).toBe(first!.payable_fen + second!.payable_fen + shipping);
    expect(whole.amountFen).toBe(order.payableFen);

    okData(
      await asManager(use(), 'manager.refundOrder', { orderId: order.orderId, lineIds: [first!.id], reason: '缺货' }),
    );
    const [refund] = await refundsOf(use(), order.orderId);
    expect(refund!.amount_fen).toBe(quote.amountFen);
    // A line already in a refund cannot be quoted again; another store's manager sees no order.
    expect(
      errorOf(await asManager(use(), 'manager.quoteRefund', { orderId: order.orderId, lineIds: [first!.id] })),
    ).toBe('REFUND_NOT_ALLOWED');
    expect(errorOf(await asManager(use(), 'manager.quoteRefund', { orderId: 'no-such-order' }))).toBe('NOT_FOUND');
    const review = okData(await asManager(use(), 'manager.listRefunds', {})).items.find(
      (r) => r.orderId === order.orderId,
    );
    expect(review?.goods).toEqual([{ lineId: first!.id, title: first!.title, specsText: first!.specs_text, qty: 1 }]);
  });

  it('finds orders by order number, member phone and nickname, on the server', async () => {
    const order = await makePaidOrder(use(), { items: [{ skuId: SERUM, qty: 1 }] });
    const memberId = (await orderRow(use(), order.orderId)).member_id;
    await use()
      .kysely.updateTable('members')
      .set({ nickname: '搜索_测试%员', phone: '13912345678' })
      .where('id', '=', memberId)
      .execute();
    const ids = async (q: string) =>
      okData(await asManager(use(), 'manager.listOrders', { q })).items.map((o) => o.orderId);
    expect(await ids(order.orderNo)).toEqual([order.orderId]);
    expect(await ids(order.orderNo.slice(0, 18))).toContain(order.orderId);
    expect(await ids('13912345678')).toEqual([order.orderId]);
    expect(await ids('_测试%')).toEqual([order.orderId]);
    // LIKE wildcards typed by the manager are literal: "%" alone matches no nickname holding none.
    expect(await ids('%')).toEqual([order.orderId]);
    expect(await ids('没有这个人')).toEqual([]);
  });

  it('gives a staff member one name: set on 员工, shown by the counter and 操作日志', async () => {
    const named = okData(await asManager(use(), 'manager.setStaffName', { openid: STAFF, name: '小禾' }));
    expect(named).toEqual({ openid: STAFF, displayName: '小禾' });
    const staff = okData(await asManager(use(), 'manager.listStaff', {})).staff.find((s) => s.openid === STAFF);
    expect(staff).toMatchObject({ displayName: '小禾', customName: '小禾' });
    const session = okData(await callAction(use(), 'staff.session', {}, { openid: STAFF }));
    expect(session.nickname).toBe('小禾');
    const log = okData(await asManager(use(), 'manager.listAudit', { who: MANAGER, action: 'manager.setStaffName' }));
    expect(log.items[0]).toMatchObject({ action: 'manager.setStaffName', who: MANAGER });
    expect(errorOf(await asManager(use(), 'manager.setStaffName', { openid: 'no-such-staff', name: '谁' }))).toBe(
      'NOT_FOUND',
    );
    const cleared = okData(await asManager(use(), 'manager.setStaffName', { openid: STAFF, name: null }));
    expect(cleared.displayName).not.toBe('小禾');
    // Staff name themselves the same way; a customer is refused by the role check.
    const mine = okData(
      await callAction(use(), 'staff.setMyName', { name: '禾禾' }, { openid: STAFF, idempotencyKey: key() }),
    );
    expect(mine).toEqual({ openid: STAFF, displayName: '禾禾' });
    expect(okData(await callAction(use(), 'staff.session', {}, { openid: STAFF })).nickname).toBe('禾禾');
    expect(
      errorOf(
        await callAction(use(), 'staff.setMyName', { name: '冒名' }, { openid: 'o_not_staff', idempotencyKey: key() }),
      ),
    ).toBe('FORBIDDEN');
  });

  it('lists 操作日志 newest first by time, names the order acted on, and filters by action and by person', async () => {
    const order = await makePaidOrder(use(), { items: [{ skuId: SERUM, qty: 1 }] });
    // Ids out of time order (a slow transaction commits after a later one): time decides.
    const insert = (who: string, action: string, at: string, detail: Record<string, unknown>) =>
      use()
        .kysely.insertInto('audit_log')
        .values({
          store_id: 'demo',
          who,
          role: who === MANAGER ? 'manager' : 'staff',
          action,
          member_id: null,
          amount_fen: null,
          detail: JSON.stringify(detail),
          created_at: new Date(at),
        })
        .execute();
    await insert(STAFF, 'staff.verifyPickup', '2032-01-01T10:00:00Z', { result: { orderId: order.orderId } });
    await insert(MANAGER, 'manager.shipOrder', '2032-01-01T12:00:00Z', { orderId: order.orderId });
    await insert(STAFF, 'staff.verifyPickup', '2032-01-01T11:00:00Z', {});
    const all = okData(await asManager(use(), 'manager.listAudit', {})).items.slice(0, 3);
    expect(all.map((a) => a.createdAt)).toEqual([
      '2032-01-01T12:00:00.000Z',
      '2032-01-01T11:00:00.000Z',
      '2032-01-01T10:00:00.000Z',
    ]);
    const memberNickname = (
      await use()
        .kysely.selectFrom('members')
        .select('nickname')
        .where('id', '=', (await orderRow(use(), order.orderId)).member_id)
        .executeTakeFirstOrThrow()
    ).nickname;
    expect(all[0]).toMatchObject({ orderNo: order.orderNo, memberNickname });
    expect(all[2]).toMatchObject({ orderNo: order.orderNo, memberNickname });
    const pickups = okData(await asManager(use(), 'manager.listAudit', { action: 'staff.verifyPickup' }));
    expect(pickups.items.every((a) => a.action === 'staff.verifyPickup')).toBe(true);
    expect(pickups.actions).toContain('manager.shipOrder');
    const byStaff = okData(await asManager(use(), 'manager.listAudit', { who: STAFF }));
    expect(byStaff.items.length).toBeGreaterThan(0);
    expect(byStaff.items.every((a) => a.who === STAFF)).toBe(true);
    expect(byStaff.people.map((p) => p.openid)).toContain(MANAGER);

    // Pages walk every row once, in time order.
    for (let i = 0; i < 35; i++)
      await insert(STAFF, 'staff.awardPoints', `2031-12-0${1 + (i % 9)}T00:00:${String(i).padStart(2, '0')}Z`, {});
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = okData(
        await asManager(use(), 'manager.listAudit', { action: 'staff.awardPoints', ...(cursor ? { cursor } : {}) }),
      );
      seen.push(...page.items.map((a) => `${a.createdAt}|${a.id}`));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort().reverse()).toEqual(seen);
    expect(errorOf(await asManager(use(), 'manager.listAudit', { cursor: 'garbage' }))).toBe('VALIDATION_FAILED');
  });
});
