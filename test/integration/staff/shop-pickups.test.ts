import { expect, it } from 'vitest';
import type { Db } from '../../../cloudfunctions/core/db/db';
import { callAction, okData } from '../../support/call';
import { describeEachDatabase } from '../../support/databases';
import { makePaidOrder, orderRow, setStock } from '../order/order-factory';
import { asStaff, errorOf, key, MANAGER, newOpenid } from './staff-factory';

// demo-staff and demo-manager serve at shop-jingan (seed); shop-xuhui is the brand's other shop.
const SKU = 'sku-vitamin-c-brightening-serum-2';

async function pickupAt(db: Db, shopId: string) {
  const order = await makePaidOrder(db, { items: [{ skuId: SKU, qty: 1 }], delivery: 'pickup' });
  await db.kysely.updateTable('orders').set({ pickup_shop_id: shopId }).where('id', '=', order.orderId).execute();
  return order;
}

async function staffWithoutShop(db: Db): Promise<string> {
  const openid = newOpenid();
  await db.kysely.insertInto('staff').values({ store_id: 'demo', openid, role: 'staff' }).execute();
  return openid;
}

const ids = (page: { items: Array<{ orderId: string }> }) => page.items.map((o) => o.orderId);

describeEachDatabase("staff: their own shop's pickups", (use) => {
  it("lists only the caller's shop's pickups at each stage, with counts, and never the pickup code", async () => {
    await setStock(use(), SKU, 50);
    const mine = await pickupAt(use(), 'shop-jingan');
    const theirs = await pickupAt(use(), 'shop-xuhui');
    const toPrepare = okData(await asStaff(use(), 'staff.listPickups', { stage: 'paid' }));
    expect(toPrepare.shop).toEqual({ shopId: 'shop-jingan', name: expect.stringContaining('静安') });
    expect(ids(toPrepare)).toContain(mine.orderId);
    expect(ids(toPrepare)).not.toContain(theirs.orderId);
    expect(toPrepare.items.every((o) => o.pickupShop?.shopId === 'shop-jingan')).toBe(true);
    const before = toPrepare.counts;

    const ready = okData(await asStaff(use(), 'staff.readyForPickup', { orderId: mine.orderId }));
    expect(ready.status).toBe('ready_for_pickup');
    expect(ready.pickupCode).toMatch(/^\d{6}$/);
    const toCollect = okData(await asStaff(use(), 'staff.listPickups', { stage: 'ready_for_pickup' }));
    const listed = toCollect.items.find((o) => o.orderId === mine.orderId);
    expect(listed).toMatchObject({ status: 'ready_for_pickup', pickupCode: null });
    expect(listed?.memberNickname).toEqual(expect.any(String));
    expect(toCollect.counts).toEqual({ paid: before.paid - 1, ready: before.ready + 1 });

    okData(await asStaff(use(), 'staff.verifyPickup', { pickupCode: ready.pickupCode! }));
    const collected = okData(await asStaff(use(), 'staff.listPickups', { stage: 'completed' }));
    expect(ids(collected)).toContain(mine.orderId);
  });

  it("refuses to prepare another shop's pickup, and changes nothing", async () => {
    await setStock(use(), SKU, 50);
    const theirs = await pickupAt(use(), 'shop-xuhui');
    expect(errorOf(await asStaff(use(), 'staff.readyForPickup', { orderId: theirs.orderId }))).toBe(
      'PICKUP_AT_OTHER_SHOP',
    );
    expect(await orderRow(use(), theirs.orderId)).toMatchObject({ status: 'paid', pickup_code: null });
    // The brand's manager is not bound by a shop for the manager action.
    okData(
      await callAction(
        use(),
        'manager.readyForPickup',
        { orderId: theirs.orderId },
        { openid: MANAGER, idempotencyKey: key() },
      ),
    );
  });

  it('staff placed in no shop see and prepare every shop’s pickups', async () => {
    await setStock(use(), SKU, 50);
    const a = await pickupAt(use(), 'shop-jingan');
    const b = await pickupAt(use(), 'shop-xuhui');
    const roaming = await staffWithoutShop(use());
    const all = okData(await asStaff(use(), 'staff.listPickups', { stage: 'paid' }, undefined, roaming));
    expect(all.shop).toBeNull();
    expect(ids(all)).toEqual(expect.arrayContaining([a.orderId, b.orderId]));
    expect(
      okData(await asStaff(use(), 'staff.readyForPickup', { orderId: b.orderId }, undefined, roaming)).status,
    ).toBe('ready_for_pickup');
  });

  it('an express order is not a pickup: not listed, and cannot be prepared', async () => {
    await setStock(use(), SKU, 50);
    const express = await makePaidOrder(use(), { items: [{ skuId: SKU, qty: 1 }] });
    const roaming = await staffWithoutShop(use());
    const all = okData(await asStaff(use(), 'staff.listPickups', { stage: 'paid' }, undefined, roaming));
    expect(ids(all)).not.toContain(express.orderId);
    expect(errorOf(await asStaff(use(), 'staff.readyForPickup', { orderId: express.orderId }))).toBe(
      'ORDER_STATE_CONFLICT',
    );
    expect((await orderRow(use(), express.orderId)).status).toBe('paid');
  });

  it('pages through a long list without repeats, and refuses a forged cursor', async () => {
    await setStock(use(), SKU, 100);
    for (let i = 0; i < 23; i++) await pickupAt(use(), 'shop-xuhui');
    const roaming = await staffWithoutShop(use());
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = okData(
        await asStaff(use(), 'staff.listPickups', { stage: 'paid', ...(cursor ? { cursor } : {}) }, undefined, roaming),
      );
      seen.push(...ids(page));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThanOrEqual(23);
    expect(errorOf(await asStaff(use(), 'staff.listPickups', { stage: 'paid', cursor: 'not-a-cursor' }))).toBe(
      'VALIDATION_FAILED',
    );
  });

  it('customers are refused', async () => {
    const res = await callAction(use(), 'staff.listPickups', { stage: 'paid' }, { openid: newOpenid() });
    expect(errorOf(res)).toBe('FORBIDDEN');
  });
});
