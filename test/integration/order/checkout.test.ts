import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../support/databases';
import { callAction, okData } from '../../support/call';
import { createOrder, CREATE_STEPS } from '../../../cloudfunctions/core/order/checkout.service';
import { withIdempotency } from '../../../cloudfunctions/core/idempotency/idempotency';
import type { MemberArgs } from '../../../cloudfunctions/core/context';
import type { ActionInput } from '../../../cloudfunctions/core/contract';
import {
  T0,
  createInput,
  errorCode,
  jobContext,
  linesOf,
  makeOrder,
  minutesAfter,
  moneyCounts,
  newKey,
  newOpenid,
  orderRow,
  setStock,
  stockOf,
} from './order-factory';

describeEachDatabase('order.create', (use) => {
  it('prices on the server, reserves stock and opens a pending order that expires in 30 minutes', async () => {
    const sku = 'sku-amino-acid-cleanser-1';
    await setStock(use(), sku, 50);
    const order = await makeOrder(use(), { items: [{ skuId: sku, qty: 2 }] });
    expect(order.payableFen).toBe(2 * 8900); // 17800 >= the 9900 free-shipping threshold
    expect(await stockOf(use(), sku)).toBe(48);
    const row = await orderRow(use(), order.orderId);
    expect(row).toMatchObject({
      status: 'pending_payment',
      subtotal_fen: 17800,
      shipping_fen: 0,
      payable_fen: 17800,
      delivery_type: 'express',
    });
    expect(row.expires_at.toISOString()).toBe(minutesAfter(T0, 30).toISOString());
    const lines = await linesOf(use(), order.orderId);
    expect(lines.map((l) => ({ sku: l.sku_id, qty: l.qty, payable: l.payable_fen }))).toEqual([
      { sku, qty: 2, payable: 17800 },
    ]);
  });

  it('the express fee applies below the free-shipping threshold; pickup has none', async () => {
    const cheap = await makeOrder(use(), { items: [{ skuId: 'sku-purslane-soothing-mist-1', qty: 1 }] });
    expect(cheap.payableFen).toBe(6900 + 1000);
    const pickup = await makeOrder(use(), {
      items: [{ skuId: 'sku-purslane-soothing-mist-1', qty: 1 }],
      delivery: 'pickup',
    });
    expect(pickup.payableFen).toBe(6900);
  });

  it('the same idempotency key twice creates one order and answers the same orderId', async () => {
    const sku = 'sku-rice-bran-cleansing-oil-1';
    await setStock(use(), sku, 10);
    const openid = newOpenid();
    const key = newKey();
    const input = createInput([{ skuId: sku, qty: 3 }]);
    const first = okData(await callAction(use(), 'order.create', input, { openid, now: T0, idempotencyKey: key }));
    const again = okData(await callAction(use(), 'order.create', input, { openid, now: T0, idempotencyKey: key }));
    expect(again).toEqual(first);
    const orders = await use()
      .kysely.selectFrom('orders as o')
      .innerJoin('members as m', 'm.id', 'o.member_id')
      .select('o.id')
      .where('m.openid', '=', openid)
      .execute();
    expect(orders.map((o) => o.id)).toEqual([first.orderId]);
    expect(await stockOf(use(), sku)).toBe(7);
  });

  it('the same key with another cart is IDEMPOTENCY_CONFLICT and writes nothing', async () => {
    const sku = 'sku-rice-bran-cleansing-oil-2';
    await setStock(use(), sku, 10);
    const openid = newOpenid();
    const key = newKey();
    okData(
      await callAction(use(), 'order.create', createInput([{ skuId: sku, qty: 1 }]), {
        openid,
        now: T0,
        idempotencyKey: key,
      }),
    );
    const before = await moneyCounts(use());
    const conflict = await callAction(use(), 'order.create', createInput([{ skuId: sku, qty: 2 }]), {
      openid,
      now: T0,
      idempotencyKey: key,
    });
    expect(errorCode(conflict)).toBe('IDEMPOTENCY_CONFLICT');
    expect(await moneyCounts(use())).toEqual(before);
    expect(await stockOf(use(), sku)).toBe(9);
  });

  it('more than the stock is INSUFFICIENT_STOCK and writes nothing', async () => {
    const sku = 'sku-green-clay-cleansing-mousse-1';
    await setStock(use(), sku, 2);
    const openid = newOpenid();
    okData(await callAction(use(), 'member.me', {}, { openid }));
    const before = await moneyCounts(use());
    const result = await callAction(use(), 'order.create', createInput([{ skuId: sku, qty: 3 }]), {
      openid,
      now: T0,
      idempotencyKey: newKey(),
    });
    expect(errorCode(result)).toBe('INSUFFICIENT_STOCK');
    expect(await moneyCounts(use())).toEqual(before);
    expect(await stockOf(use(), sku)).toBe(2);
  });

  it('a multi-line order where one line is short reserves none of the others', async () => {
    const [a, b] = ['sku-camellia-cleansing-balm-1', 'sku-camellia-cleansing-balm-2'];
    await setStock(use(), a, 5);
    await setStock(use(), b, 1);
    const result = await callAction(
      use(),
      'order.create',
      createInput([
        { skuId: a, qty: 2 },
        { skuId: b, qty: 1 },
      ]),
      {
        openid: newOpenid(),
        now: T0,
        idempotencyKey: newKey(),
      },
    );
    expect(result.ok).toBe(true);
    const before = await moneyCounts(use());
    const short = await callAction(
      use(),
      'order.create',
      createInput([
        { skuId: a, qty: 2 },
        { skuId: b, qty: 1 },
      ]),
      {
        openid: newOpenid(),
        now: T0,
        idempotencyKey: newKey(),
      },
    );
    expect(errorCode(short)).toBe('INSUFFICIENT_STOCK');
    expect(await stockOf(use(), a)).toBe(3);
    expect(await stockOf(use(), b)).toBe(0);
    const after = await moneyCounts(use());
    expect({ ...after, members: before.members }).toEqual(before); // only the new caller's member row
  });

  it.each(CREATE_STEPS)('a crash after "%s" throws and leaves nothing half-done', async (step) => {
    const sku = 'sku-hyaluronic-essence-water-1';
    await setStock(use(), sku, 10);
    const openid = newOpenid();
    const me = okData(await callAction(use(), 'member.me', {}, { openid }));
    const before = await moneyCounts(use());
    const input = createInput([{ skuId: sku, qty: 4 }]) as ActionInput<'order.create'>;
    const scope = `demo:${me.memberId}:order.create`;
    const key = newKey();
    const ctx = jobContext(use(), T0);
    const run = (failAfter?: (typeof CREATE_STEPS)[number]) =>
      withIdempotency(use().kysely, { scope, key, payload: input }, (tx) =>
        createOrder(
          { input, caller: { openid, role: 'customer', memberId: me.memberId }, ctx, exec: tx } as MemberArgs<
            ActionInput<'order.create'>
          >,
          { failAfter },
        ),
      );

    await expect(run(step)).rejects.toThrow(`injected crash after ${step}`);
    expect(await stockOf(use(), sku)).toBe(10);
    expect(await moneyCounts(use())).toEqual(before);
    const orders = await use().kysely.selectFrom('orders').select('id').where('member_id', '=', me.memberId).execute();
    expect(orders).toEqual([]);
    const keys = await use().kysely.selectFrom('idempotency_keys').select('key').where('scope', '=', scope).execute();
    expect(keys).toEqual([]);

    // The same request, retried without the crash, goes through once.
    const retried = await run();
    expect(retried.ok).toBe(true);
    expect(await stockOf(use(), sku)).toBe(6);
    expect(
      await use()
        .kysely.selectFrom('order_lines')
        .select('id')
        .where('sku_id', '=', sku)
        .where('order_id', '=', retried.ok ? retried.data.orderId : '')
        .execute(),
    ).toHaveLength(1);
  });

  it('an unavailable SKU is PRODUCT_UNAVAILABLE; an express-only product cannot be picked up', async () => {
    const unknown = await callAction(use(), 'order.create', createInput([{ skuId: 'sku-nope', qty: 1 }]), {
      openid: newOpenid(),
      idempotencyKey: newKey(),
    });
    expect(errorCode(unknown)).toBe('PRODUCT_UNAVAILABLE');
    const pickup = await callAction(
      use(),
      'order.create',
      createInput([{ skuId: 'sku-oat-body-lotion-1', qty: 1 }], 'pickup'),
      {
        openid: newOpenid(),
        idempotencyKey: newKey(),
      },
    );
    expect(errorCode(pickup)).toBe('DELIVERY_CONFLICT');
  });

  it('order.create without an idempotency key is refused before anything is written', async () => {
    const before = await moneyCounts(use());
    const result = await callAction(
      use(),
      'order.create',
      createInput([{ skuId: 'sku-amino-acid-cleanser-1', qty: 1 }]),
      { openid: newOpenid() },
    );
    expect(errorCode(result)).toBe('IDEMPOTENCY_KEY_REQUIRED');
    expect(await moneyCounts(use())).toEqual(before);
  });
});
