import { beforeAll, expect, it } from 'vitest';
import type { Envelope } from '../../../cloudfunctions/core/errors';
import { callAction, okData } from '../../support/call';
import { HOSTILE_STRINGS, fitted } from '../../support/bad-input/payloads';
import { pathOfUnstorableText } from '../../../cloudfunctions/core/shared/storable-text';
import { describeEachDatabase } from '../../support/databases';
import { changes, snapshotter } from '../../support/bad-input/db-snapshot';
import { MANAGER, T0, makeOrder, makePaidOrder, minutesAfter, newKey, newOpenid } from '../order/order-factory';
import { createGroupOrder, makeCampaign, payGroupOrder } from '../groupbuy/groupbuy-factory';

/**
 * Schema-valid inputs the generators (one field at a time, ids that point at nothing or at someone
 * else's object) cannot build: the caller's own object with a part of someone else's, and a real
 * object in the wrong state. Each must be refused and write nothing. And payloads an accepted write
 * stores must come back as the same text (nothing was interpreted).
 */
describeEachDatabase('schema-valid bad input: mixed owners, wrong states, payloads stored verbatim', (use) => {
  let snapshot: Awaited<ReturnType<typeof snapshotter>>;
  const items = [{ skuId: 'sku-amino-acid-cleanser-1', qty: 1 }];
  const at = minutesAfter(T0, 10);

  beforeAll(async () => {
    // A first call creates the caller's member row (and welcome gift) whatever it asks: not what is tested here.
    await callAction(use(), 'member.me', {}, { openid: MANAGER });
    snapshot = await snapshotter(use());
  });

  async function expectRefusedWithoutWrite(call: () => Promise<Envelope<unknown>>): Promise<string> {
    const before = await snapshot({ content: true });
    const answer = await call();
    expect(answer.ok, JSON.stringify(answer)).toBe(false);
    expect(changes(before, await snapshot({ content: true }))).toEqual([]);
    return answer.ok ? 'ok' : answer.error.code;
  }

  const linesOf = (orderId: string) =>
    use().kysely.selectFrom('order_lines').select('id').where('order_id', '=', orderId).execute();

  it("order.requestRefund on the caller's own paid order with another member's lineIds is refused and writes nothing", async () => {
    const mine = await makePaidOrder(use(), { items, openid: newOpenid() });
    const theirs = await makePaidOrder(use(), { items, openid: newOpenid() });
    const [line] = await linesOf(theirs.orderId);
    const code = await expectRefusedWithoutWrite(() =>
      callAction(
        use(),
        'order.requestRefund',
        { orderId: mine.orderId, lineIds: [line!.id], reason: '退别人的' },
        { openid: mine.openid, now: at, idempotencyKey: newKey() },
      ),
    );
    expect(code).toBe('VALIDATION_FAILED');
  });

  it('manager.refundOrder on one order with the lineIds of another order is refused and writes nothing', async () => {
    const a = await makePaidOrder(use(), { items, openid: newOpenid() });
    const b = await makePaidOrder(use(), { items, openid: newOpenid() });
    const [line] = await linesOf(b.orderId);
    const code = await expectRefusedWithoutWrite(() =>
      callAction(
        use(),
        'manager.refundOrder',
        { orderId: a.orderId, lineIds: [line!.id], reason: '串单' },
        { openid: MANAGER, now: at, idempotencyKey: newKey() },
      ),
    );
    expect(code).toBe('VALIDATION_FAILED');
  });

  it('manager order actions on an unpaid order (ship, ready for pickup, refund) are refused and write nothing', async () => {
    const unpaid = await makeOrder(use(), { items, openid: newOpenid(), now: T0 });
    const asManager = { openid: MANAGER, now: at };
    const codes = [
      await expectRefusedWithoutWrite(() =>
        callAction(
          use(),
          'manager.shipOrder',
          { orderId: unpaid.orderId, carrier: '顺丰', trackingNo: 'SF123456' },
          { ...asManager, idempotencyKey: newKey() },
        ),
      ),
      await expectRefusedWithoutWrite(() =>
        callAction(
          use(),
          'manager.readyForPickup',
          { orderId: unpaid.orderId },
          { ...asManager, idempotencyKey: newKey() },
        ),
      ),
      await expectRefusedWithoutWrite(() =>
        callAction(
          use(),
          'manager.refundOrder',
          { orderId: unpaid.orderId, reason: '未付款' },
          { ...asManager, idempotencyKey: newKey() },
        ),
      ),
    ];
    expect(codes).toEqual(['ORDER_STATE_CONFLICT', 'ORDER_STATE_CONFLICT', 'REFUND_NOT_ALLOWED']);
  });

  it('SQL and script payloads are stored as text and read back verbatim (nickname, coupon template title)', async () => {
    const openid = newOpenid();
    const storable = HOSTILE_STRINGS.map((t) => fitted(t, 20).trim()).filter(
      (t) => t.length > 0 && pathOfUnstorableText(t) === null,
    );
    for (const text of storable) {
      okData(
        await callAction(
          use(),
          'member.updateProfile',
          { nickname: text },
          { openid, now: at, idempotencyKey: newKey() },
        ),
      );
      expect(okData(await callAction(use(), 'member.me', {}, { openid, now: at })).nickname).toBe(text);
    }
    for (const text of storable) {
      const { templateId } = okData(
        await callAction(
          use(),
          'manager.createCouponTemplate',
          { title: text, kind: 'no_threshold', amountFen: 100, validDays: 1, total: 1 },
          { openid: MANAGER, now: at, idempotencyKey: newKey() },
        ),
      );
      const listed = okData(
        await callAction(use(), 'manager.listCouponTemplates', {}, { openid: MANAGER, now: at }),
      ).items.find((t) => t.templateId === templateId);
      expect(listed?.title).toBe(text);
    }
    expect(storable.length).toBeGreaterThan(20);
  });

  it('order.create joining a team of another campaign is refused and writes nothing', async () => {
    const first = await makeCampaign(use());
    const second = await makeCampaign(use(), { skuId: 'sku-amino-acid-cleanser-1', title: '另一个拼团' });
    const leader = await payGroupOrder(use(), { campaignId: first.campaignId, skuId: first.skuId });
    expect(leader.teamId).not.toBeNull();
    const joiner = newOpenid();
    await callAction(use(), 'member.me', {}, { openid: joiner });
    await expectRefusedWithoutWrite(() =>
      createGroupOrder(use(), {
        campaignId: second.campaignId,
        skuId: second.skuId,
        teamId: leader.teamId!,
        openid: joiner,
        now: T0,
      }),
    );
  });
});
