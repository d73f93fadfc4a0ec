import { expect, it } from 'vitest';
import type { ActionInput } from '../../../cloudfunctions/core/contract';
import type { Db } from '../../../cloudfunctions/core/db/db';
import { describeEachDatabase } from '../../support/databases';
import { callAction, okData } from '../../support/call';
import { errorCode, MANAGER, newKey, newOpenid, setStock, T0 } from '../order/order-factory';
import { scan } from './shop-factory';

const VOUCHER = 'sku-in-store-facial-voucher-1'; // pickup only

type ShopInput = ActionInput<'manager.saveShop'>;
const shop = (over: Partial<ShopInput> = {}): ShopInput => ({
  name: '青禾 陆家嘴店',
  address: '上海市浦东新区世纪大道 8 号',
  hours: '10:00-22:00',
  phone: '021-58881234',
  location: '31.2397,121.4998',
  welcomeTemplateId: 'ct-shop-welcome-20',
  ...over,
});
const asManager = <N extends Parameters<typeof callAction>[1]>(db: Db, name: N, data: ActionInput<N>) =>
  callAction(db, name, data, { openid: MANAGER, now: T0, idempotencyKey: newKey() });
const pickupShopIds = async (db: Db, openid: string) =>
  okData(
    await callAction(db, 'order.quote', { items: [{ skuId: VOUCHER, qty: 1 }] }, { openid, now: T0 }),
  ).pickupShops.map((s) => s.shopId);

describeEachDatabase('the manager’s shops', (use) => {
  it('creates a shop under a server-drawn code; its poster welcomes; checkout offers it for pickup', async () => {
    const created = okData(await asManager(use(), 'manager.saveShop', shop()));
    expect(created).toMatchObject({
      name: '青禾 陆家嘴店',
      hours: '10:00-22:00',
      latitude: 31.2397,
      welcomeTemplateTitle: '到店礼 无门槛20元',
      open: true,
    });
    expect(created.code).toMatch(/^[0-9A-Za-z]{4,16}$/);
    const listed = okData(await callAction(use(), 'manager.listShops', {}, { openid: MANAGER }));
    expect(listed.items.map((s) => s.shopId)).toContain(created.shopId);
    await setStock(use(), VOUCHER, 50);
    expect(await pickupShopIds(use(), newOpenid())).toContain(created.shopId);
    const welcomed = okData(await scan(use(), newOpenid(), { shopCode: created.code }, T0));
    expect(welcomed.shop).toMatchObject({ shopId: created.shopId, open: true });
  });

  it('edits keep the code; a welcome template that is not the store’s is refused', async () => {
    const created = okData(await asManager(use(), 'manager.saveShop', shop({ welcomeTemplateId: null })));
    const edited = okData(
      await asManager(
        use(),
        'manager.saveShop',
        shop({ shopId: created.shopId, hours: '09:00-21:00', location: null }),
      ),
    );
    expect(edited).toMatchObject({ code: created.code, hours: '09:00-21:00', latitude: null, longitude: null });
    expect(
      errorCode(
        await asManager(use(), 'manager.saveShop', shop({ shopId: created.shopId, welcomeTemplateId: 'nope' })),
      ),
    ).toBe('WELCOME_TEMPLATE_INVALID');
    expect(errorCode(await asManager(use(), 'manager.saveShop', shop({ shopId: 'no-such-shop' })))).toBe(
      'SHOP_NOT_FOUND',
    );
  });

  it('a closed shop leaves pickup and its poster says so; orders assigned to it keep it; reopened it is back', async () => {
    await setStock(use(), VOUCHER, 50);
    const openid = newOpenid();
    const order = okData(
      await callAction(
        use(),
        'order.create',
        { items: [{ skuId: VOUCHER, qty: 1 }], delivery: { type: 'pickup', shopId: 'shop-xuhui' } },
        { openid, now: T0, idempotencyKey: newKey() },
      ),
    );
    expect(okData(await asManager(use(), 'manager.setShopOpen', { shopId: 'shop-xuhui', open: false }))).toEqual({
      shopId: 'shop-xuhui',
      open: false,
    });
    expect(await pickupShopIds(use(), openid)).not.toContain('shop-xuhui');
    const refused = await scan(use(), newOpenid(), { scene: 's=QHXH' }, T0);
    expect(errorCode(refused)).toBe('SHOP_CLOSED');
    expect(
      errorCode(
        await callAction(
          use(),
          'order.create',
          { items: [{ skuId: VOUCHER, qty: 1 }], delivery: { type: 'pickup', shopId: 'shop-xuhui' } },
          { openid, now: T0, idempotencyKey: newKey() },
        ),
      ),
    ).toBe('SHOP_NOT_FOUND');
    const view = okData(await callAction(use(), 'order.get', { orderId: order.orderId }, { openid, now: T0 }));
    expect(view.pickupShop).toMatchObject({ shopId: 'shop-xuhui', open: false });

    okData(await asManager(use(), 'manager.setShopOpen', { shopId: 'shop-xuhui', open: true }));
    expect(await pickupShopIds(use(), openid)).toContain('shop-xuhui');
    expect(errorCode(await asManager(use(), 'manager.setShopOpen', { shopId: 'no-such-shop', open: false }))).toBe(
      'SHOP_NOT_FOUND',
    );
    const audit = await use()
      .kysely.selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'manager.setShopOpen')
      .execute();
    expect(audit).toHaveLength(2);
  });
});
