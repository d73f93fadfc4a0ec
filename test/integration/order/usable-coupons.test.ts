import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../cloudfunctions/core/db/db';
import { describeEachDatabase } from '../../support/databases';
import { callAction, okData } from '../../support/call';
import { openCountingPglite } from '../../support/counting-db';
import { claimed, makeTemplate } from '../coupon/coupon-factory';
import { makeMember } from '../points/points-factory';
import { T0, setStock } from './order-factory';

const CLEANSER = 'sku-amino-acid-cleanser-1'; // ¥89
const items = [{ skuId: CLEANSER, qty: 1 }];

/** A member whose new-member gifts are spent, holding `n` coupons of each template. */
async function walletOf(db: Db, templates: string[], n: number) {
  const member = await makeMember(db);
  await db.kysely.updateTable('coupons').set({ status: 'expired' }).where('member_id', '=', member.id).execute();
  const ids = new Map<string, string[]>();
  for (const t of templates) {
    ids.set(t, []);
    for (let i = 0; i < n; i++) ids.get(t)!.push(await claimed(db, member.openid, t, T0));
  }
  return { member, ids };
}

describeEachDatabase('order.usableCoupons with a full wallet', (use) => {
  it('thirty coupons: usable first by discount, the unmet threshold last with its reason; expired ones left out', async () => {
    await setStock(use(), CLEANSER, 50);
    const small = await makeTemplate(use(), { title: '立减5元', args: { amountFen: 500 }, perMemberLimit: 10 });
    const big = await makeTemplate(use(), { title: '立减15元', args: { amountFen: 1_500 }, perMemberLimit: 10 });
    const unmet = await makeTemplate(use(), {
      title: '满999减90',
      kind: 'full_reduction',
      args: { thresholdFen: 99_900, amountFen: 9_000 },
      perMemberLimit: 10,
    });
    const spent = await makeTemplate(use(), { title: '已过期', args: { amountFen: 5_000 }, perMemberLimit: 10 });
    const { member, ids } = await walletOf(use(), [small, big, unmet, spent], 10);
    await use().kysely.updateTable('coupons').set({ status: 'expired' }).where('template_id', '=', spent).execute();
    const as = { openid: member.openid, now: T0 };

    const picker = okData(await callAction(use(), 'order.usableCoupons', { items }, as)).items;
    expect(picker).toHaveLength(30);
    const [bigs, smalls, unmets] = [picker.slice(0, 10), picker.slice(10, 20), picker.slice(20)];
    expect(new Set(bigs.map((c) => c.couponId))).toEqual(new Set(ids.get(big)));
    expect(bigs.every((c) => c.usable && c.discountFen === 1_500 && c.title === '立减15元')).toBe(true);
    expect(new Set(smalls.map((c) => c.couponId))).toEqual(new Set(ids.get(small)));
    expect(smalls.every((c) => c.usable && c.discountFen === 500)).toBe(true);
    expect(new Set(unmets.map((c) => c.couponId))).toEqual(new Set(ids.get(unmet)));
    for (const c of unmets) expect(c).toMatchObject({ usable: false, discountFen: 0, reason: '未满¥999，还差¥910' });
    expect(picker[0]!.validUntil).toBe(new Date(T0.getTime() + 7 * 86_400_000).toISOString());

    // The quote preselects one of the ¥15 coupons and counts the twenty that fit.
    const quote = okData(await callAction(use(), 'order.quote', { items }, as));
    expect(ids.get(big)).toContain(quote.couponId);
    expect(quote).toMatchObject({ couponDiscountFen: 1_500, usableCouponCount: 20 });
  });
});

describe('the coupon picker reads the wallet in one statement', () => {
  let db: Awaited<ReturnType<typeof openCountingPglite>>;
  beforeAll(async () => {
    db = await openCountingPglite();
  });
  afterAll(async () => db.close());

  async function pickerStatements(openid: string): Promise<number> {
    db.log.length = 0;
    okData(await callAction(db, 'order.usableCoupons', { items }, { openid, now: T0 }));
    return db.log.length;
  }

  it('as many statements for one coupon as for thirty', async () => {
    await setStock(db, CLEANSER, 50);
    const template = await makeTemplate(db, { args: { amountFen: 500 }, perMemberLimit: 30 });
    const one = (await walletOf(db, [template], 1)).member.openid;
    const thirty = (await walletOf(db, [template], 30)).member.openid;
    const [few, many] = [await pickerStatements(one), await pickerStatements(thirty)];
    // The caller's member, the SKUs, the tier, the settings, the wallet.
    expect(few).toBe(5);
    expect(many).toBe(few);
  });
});
