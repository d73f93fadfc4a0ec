import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../cloudfunctions/core/db/db';
import { describeEachDatabase } from '../../support/databases';
import { callAction, okData } from '../../support/call';
import { openCountingPglite } from '../../support/counting-db';
import { T0, newKey, newOpenid, setStock } from '../order/order-factory';
import { addressIn, makeFreightTemplate, shipSkuUnder } from './freight-factory';

const CLEANSER = 'sku-amino-acid-cleanser-1'; // ¥89, express or pickup
const LOTION = 'sku-oat-body-lotion-1'; // ¥99, express only
const VOUCHER = 'sku-in-store-facial-voucher-1'; // ¥198, pickup only

/** Puts `items` in a new member's cart (all ticked); the member's openid. */
async function cartOf(db: Db, items: Array<{ skuId: string; qty: number }>, openid = newOpenid()) {
  okData(await callAction(db, 'member.me', {}, { openid }));
  okData(await callAction(db, 'catalog.cart.set', { items }, { openid, idempotencyKey: newKey() }));
  return openid;
}

const shippingOf = async (db: Db, openid: string) =>
  okData(await callAction(db, 'catalog.cart.list', {}, { openid, now: T0 })).shipping;

/** What checkout charges for the same goods to the member's address: the cart must say the same. */
async function quotedShipping(db: Db, openid: string, items: Array<{ skuId: string; qty: number }>, addressId: string) {
  const quote = okData(
    await callAction(db, 'order.quote', { items, deliveryType: 'express', addressId }, { openid, now: T0 }),
  );
  return quote.shippingFen;
}

describeEachDatabase('the cart shipping line, priced by the freight templates checkout uses', (use) => {
  beforeAll(async () => {
    for (const sku of [CLEANSER, LOTION, VOUCHER]) await setStock(use(), sku, 500);
  });

  it('by count, to the default address: the template fee and the nearer threshold; the tier still wins', async () => {
    await shipSkuUnder(use(), CLEANSER, await makeFreightTemplate(use(), { name: `按件-${newKey().slice(2, 10)}` }));
    const items = [{ skuId: CLEANSER, qty: 1 }];
    const openid = await cartOf(use(), items);
    const addressId = await addressIn(use(), openid, '浙江省');
    // ¥89: 江浙沪 ¥6; the entry tier's ¥99 is ¥10 away, the template's ¥199 further.
    expect(await shippingOf(use(), openid)).toEqual({
      status: 'fee',
      province: '浙江省',
      thresholdFen: 9_900,
      shippingFen: 600,
      remainingFen: 1_000,
      text: '运费 ¥6（浙江省），再买¥10包邮',
      undeliverable: null,
    });
    expect(await quotedShipping(use(), openid, items, addressId)).toBe(600);
    // Two pieces (¥178) pass the tier's threshold: free, template or not, as checkout charges.
    okData(
      await callAction(
        use(),
        'catalog.cart.set',
        { items: [{ skuId: CLEANSER, qty: 2 }] },
        { openid, idempotencyKey: newKey() },
      ),
    );
    expect(await shippingOf(use(), openid)).toMatchObject({ status: 'free', shippingFen: 0, text: '已包邮' });
    expect(await quotedShipping(use(), openid, [{ skuId: CLEANSER, qty: 2 }], addressId)).toBe(0);
  });

  it('by weight: the grams decide the fee; a template free-over nearer than the tier is the one said', async () => {
    await use().kysely.updateTable('skus').set({ weight_grams: 1_001 }).where('id', '=', CLEANSER).execute();
    const byWeight = await makeFreightTemplate(use(), {
      name: `按重-${newKey().slice(2, 10)}`,
      chargeBy: 'weight',
      regions: [],
      // 1 kg ¥12, each further 500 g ¥4, free from ¥90 (nearer than the entry tier's ¥99).
      defaultRule: {
        firstUnit: 1_000,
        firstFeeFen: 1_200,
        additionalUnit: 500,
        additionalFeeFen: 400,
        freeOverFen: 9_000,
      },
      undeliverable: [],
    });
    await shipSkuUnder(use(), CLEANSER, byWeight);
    const items = [{ skuId: CLEANSER, qty: 1 }];
    const openid = await cartOf(use(), items);
    const addressId = await addressIn(use(), openid, '北京市');
    expect(await shippingOf(use(), openid)).toMatchObject({
      status: 'fee',
      shippingFen: 1_600,
      remainingFen: 100,
      text: '运费 ¥16（北京市），再买¥1包邮',
    });
    expect(await quotedShipping(use(), openid, items, addressId)).toBe(1_600);
    await use().kysely.updateTable('skus').set({ weight_grams: 0 }).where('id', '=', CLEANSER).execute();
  });

  it("a template's own free-over ships the cart free below the tier's threshold", async () => {
    const generous = await makeFreightTemplate(use(), {
      name: `满50-${newKey().slice(2, 10)}`,
      regions: [],
      defaultRule: { firstUnit: 1, firstFeeFen: 800, additionalUnit: 1, additionalFeeFen: 0, freeOverFen: 5_000 },
      undeliverable: [],
    });
    await shipSkuUnder(use(), CLEANSER, generous);
    const items = [{ skuId: CLEANSER, qty: 1 }];
    const openid = await cartOf(use(), items);
    const addressId = await addressIn(use(), openid, '北京市');
    expect(await shippingOf(use(), openid)).toMatchObject({ status: 'free', shippingFen: 0, text: '已包邮' });
    expect(await quotedShipping(use(), openid, items, addressId)).toBe(0);
  });

  it('tiers: silver reaches its ¥69 with ¥87.22 of goods; gold ships everything free', async () => {
    await shipSkuUnder(use(), CLEANSER, await makeFreightTemplate(use(), { name: `按件-${newKey().slice(2, 10)}` }));
    const openid = await cartOf(use(), [{ skuId: CLEANSER, qty: 1 }]);
    await addressIn(use(), openid, '北京市');
    await use().kysely.updateTable('members').set({ tier_code: 'silver' }).where('openid', '=', openid).execute();
    expect(await shippingOf(use(), openid)).toMatchObject({ status: 'free', thresholdFen: 6_900, text: '已包邮' });
    await use().kysely.updateTable('members').set({ tier_code: 'gold' }).where('openid', '=', openid).execute();
    expect(await shippingOf(use(), openid)).toMatchObject({ status: 'free', thresholdFen: 0, text: '全场包邮' });
  });

  it('an undeliverable default province names the goods, whatever the tier', async () => {
    await shipSkuUnder(use(), CLEANSER, await makeFreightTemplate(use(), { name: `按件-${newKey().slice(2, 10)}` }));
    const openid = await cartOf(use(), [
      { skuId: CLEANSER, qty: 1 },
      { skuId: LOTION, qty: 1 },
    ]);
    await addressIn(use(), openid, '西藏自治区');
    await use().kysely.updateTable('members').set({ tier_code: 'gold' }).where('openid', '=', openid).execute();
    expect(await shippingOf(use(), openid)).toEqual({
      status: 'undeliverable',
      province: '西藏自治区',
      thresholdFen: 0,
      shippingFen: 0,
      remainingFen: 0,
      text: '以下商品不配送到 西藏：青禾氨基酸温和洁面乳',
      undeliverable: { province: '西藏自治区', skuIds: [CLEANSER] },
    });
    // Unticking the refused line leaves the lotion, which ships there (flat rule, free for gold).
    okData(
      await callAction(
        use(),
        'catalog.cart.set',
        { items: [{ skuId: CLEANSER, qty: 1, selected: false }] },
        { openid, idempotencyKey: newKey() },
      ),
    );
    expect(await shippingOf(use(), openid)).toMatchObject({ status: 'free', text: '全场包邮', undeliverable: null });
  });

  it('without an address: the lowest template fee over the provinces, the flat fee, or pickup', async () => {
    await shipSkuUnder(use(), CLEANSER, await makeFreightTemplate(use(), { name: `按件-${newKey().slice(2, 10)}` }));
    const templated = await cartOf(use(), [{ skuId: CLEANSER, qty: 1 }]);
    expect(await shippingOf(use(), templated)).toMatchObject({
      status: 'fee',
      province: null,
      shippingFen: 600,
      remainingFen: 1_000,
      text: '运费按收货地区计，¥6起，再买¥10包邮',
    });
    await shipSkuUnder(use(), CLEANSER, null);
    const flat = await cartOf(use(), [{ skuId: CLEANSER, qty: 1 }]);
    expect(await shippingOf(use(), flat)).toMatchObject({ shippingFen: 1_000, text: '运费 ¥10，再买¥10包邮' });
    const pickup = await cartOf(use(), [{ skuId: VOUCHER, qty: 1 }]);
    expect(await shippingOf(use(), pickup)).toMatchObject({ status: 'free', text: '门店自提，无需运费' });
  });
});

describe('the cart read costs the same statements for 1 line or 12', () => {
  let db: Awaited<ReturnType<typeof openCountingPglite>>;
  beforeAll(async () => {
    db = await openCountingPglite();
  });
  afterAll(async () => db.close());

  async function listStatements(openid: string): Promise<string[]> {
    db.log.length = 0;
    okData(await callAction(db, 'catalog.cart.list', {}, { openid, now: T0 }));
    return [...db.log];
  }

  it('the default province and the templates are read once, not per line', async () => {
    const skus = (
      await db.kysely.selectFrom('skus').select('id').where('active', '=', true).orderBy('id').limit(12).execute()
    ).map((r) => r.id);
    for (const sku of skus) await setStock(db, sku, 500);
    const templateId = await makeFreightTemplate(db, { name: '计数' });
    for (const sku of skus) await shipSkuUnder(db, sku, templateId);
    const one = await cartOf(db, [{ skuId: skus[0]!, qty: 1 }]);
    const many = await cartOf(
      db,
      skus.map((skuId) => ({ skuId, qty: 1 })),
    );
    for (const openid of [one, many]) await addressIn(db, openid, '浙江省');
    const [few, lots] = [await listStatements(one), await listStatements(many)];
    // The caller's member, the cart rows, the SKUs, the tier, the templates, the default province.
    expect(few).toHaveLength(6);
    expect(lots).toHaveLength(few.length);
  });
});
