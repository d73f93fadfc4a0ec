import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../support/databases';
import { callAction, okData } from '../../support/call';
import { createLocalPlatform } from '../../../cloudfunctions/core/platform/local/local-platform';
import type { TrackingAnswer, TrackingQuery } from '../../../cloudfunctions/core/platform/platform';
import { MANAGER, T0, errorCode, makePaidOrder, minutesAfter, newKey, setStock } from '../order/order-factory';

const SKU = 'sku-light-fluid-sunscreen-2';

describeEachDatabase('order tracking', (use) => {
  /** A platform whose carrier answers what the test says and counts the questions. */
  function countingPlatform(answer: () => TrackingAnswer | Error) {
    const asked: TrackingQuery[] = [];
    const platform = createLocalPlatform({ devAuth: true, db: use(), now: () => T0 });
    platform.tracking = {
      provider: 'test',
      async query(q) {
        asked.push(q);
        const a = answer();
        if (a instanceof Error) throw a;
        return a;
      },
    };
    return { platform, asked };
  }

  async function shippedOrder(trackingNo: string) {
    await setStock(use(), SKU, 100);
    const order = await makePaidOrder(use(), { items: [{ skuId: SKU, qty: 1 }] });
    okData(
      await callAction(
        use(),
        'manager.shipOrder',
        { orderId: order.orderId, carrier: '顺丰', trackingNo },
        { openid: MANAGER, now: T0, idempotencyKey: newKey() },
      ),
    );
    return order;
  }

  it('the customer sees the timeline; asked of the carrier once per 30 minutes, with the phone tail for SF', async () => {
    const order = await shippedOrder('SF7000000001');
    const events = [{ at: '2026-03-02T03:00:00.000Z', text: '【上海市】已揽收', place: '上海市' }];
    const { platform, asked } = countingPlatform(() => ({ found: true, state: 'collected', events }));
    const ask = (minutes: number) =>
      callAction(
        use(),
        'order.tracking',
        { orderId: order.orderId },
        { openid: order.openid, now: minutesAfter(T0, minutes), platform },
      );
    const view = okData(await ask(1));
    expect(view).toMatchObject({
      carrier: '顺丰速运',
      trackingNo: 'SF7000000001',
      available: true,
      state: 'collected',
      stateText: '已揽收',
      steps: events,
    });
    expect(asked).toEqual([{ carrier: 'shunfeng', trackingNo: 'SF7000000001', phoneTail: '8000' }]);
    okData(await ask(20));
    expect(asked).toHaveLength(1);
    okData(await ask(40));
    expect(asked).toHaveLength(2);
  });

  it('a delivered timeline is final; an outage keeps the last timeline; another member gets NOT_FOUND', async () => {
    const order = await shippedOrder('SF7000000002');
    let answer: TrackingAnswer | Error = new Error('kuaidi100 busy');
    const { platform, asked } = countingPlatform(() => answer);
    const ask = (minutes: number, openid = order.openid) =>
      callAction(
        use(),
        'order.tracking',
        { orderId: order.orderId },
        { openid, now: minutesAfter(T0, minutes), platform },
      );
    expect(okData(await ask(1))).toMatchObject({ available: false, stateText: '暂无物流信息', steps: [] });
    answer = { found: true, state: 'delivered', events: [{ at: T0.toISOString(), text: '已签收', place: null }] };
    expect(okData(await ask(2))).toMatchObject({ available: true, state: 'delivered', stateText: '已签收' });
    answer = new Error('should not be asked');
    expect(okData(await ask(60 * 24 * 3))).toMatchObject({ state: 'delivered' });
    expect(asked).toHaveLength(2);
    expect(errorCode(await ask(3, 'o_someone_else_entirely_00'))).toBe('NOT_FOUND');
  });

  it('the local stand-in answers a deterministic timeline; an unshipped order has none', async () => {
    const order = await shippedOrder('SF7000000003');
    const view = okData(
      await callAction(use(), 'order.tracking', { orderId: order.orderId }, { openid: order.openid, now: T0 }),
    );
    expect(view.available).toBe(true);
    expect(view.steps[view.steps.length - 1]!.text).toContain('SF7000000003');
    await setStock(use(), SKU, 100);
    const paid = await makePaidOrder(use(), { items: [{ skuId: SKU, qty: 1 }] });
    expect(
      errorCode(await callAction(use(), 'order.tracking', { orderId: paid.orderId }, { openid: paid.openid, now: T0 })),
    ).toBe('NOT_FOUND');
  });
});
