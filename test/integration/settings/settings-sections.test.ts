/**
 * 店铺设置's sections other contexts keep, edited through typed fields: tier names (and a lowered
 * threshold upgrading members at once), the referral reward kind and coupon pickers, nudge trigger
 * args one field each. Every refusal names its field and writes nothing.
 */
import { expect, it } from 'vitest';
import '../../support/subscribers';
import { describeEachDatabase, tableCounts } from '../../support/databases';
import { callAction, okData } from '../../support/call';
import type { Db } from '../../../cloudfunctions/core/db/db';
import type { SettingValue } from '../../../cloudfunctions/core/contract';
import { MANAGER, T0, daysAfter, makePaidOrder, newKey, setStock } from '../order/order-factory';
import { makeMember, settleOrder } from '../points/points-factory';
import { bind, bindingsOf, referralCoupons, SKU } from '../referral/referral-factory';

type Section = 'tiers' | 'referral' | 'nudge' | 'orderRules';

async function view(db: Db) {
  return okData(await callAction(db, 'manager.getSettings', {}, { openid: MANAGER, now: T0 }));
}

async function section(db: Db, code: Section) {
  const v = await view(db);
  const s = v.sections.find((x) => x.code === code)!;
  const values = Object.fromEntries(s.fields.map((f) => [f.key, f.value])) as Record<string, SettingValue>;
  return { version: v.version, fields: s.fields, values };
}

async function save(db: Db, code: Section, changes: Record<string, SettingValue>) {
  const { version, values } = await section(db, code);
  const all = { ...values, ...changes };
  return callAction(
    db,
    'manager.saveSettings',
    { section: code, values: Object.entries(all).map(([key, value]) => ({ key, value })), version },
    { openid: MANAGER, now: T0, idempotencyKey: newKey() },
  );
}

/** Saves and expects SETTINGS_INVALID naming `field`, with no row written anywhere. */
async function refused(db: Db, code: Section, changes: Record<string, SettingValue>, field: string) {
  const before = await tableCounts(db);
  const owned = async () => ({
    tiers: await db.kysely.selectFrom('tiers').selectAll().orderBy('code').execute(),
    referral: await db.kysely.selectFrom('referral_settings').selectAll().execute(),
    nudge: await db.kysely.selectFrom('nudge_settings').selectAll().execute(),
  });
  const rows = await owned();
  const result = await save(db, code, changes);
  expect(result).toMatchObject({ ok: false, error: { code: 'SETTINGS_INVALID', details: { field } } });
  expect(await tableCounts(db)).toEqual(before);
  expect(await owned()).toEqual(rows);
  return result.ok ? '' : result.error.message;
}

async function memberAt(db: Db, growth: number, tierCode = 'normal') {
  const m = await makeMember(db);
  await db.kysely.updateTable('members').set({ growth, tier_code: tierCode }).where('id', '=', m.id).execute();
  return m;
}

const tierOf = async (db: Db, memberId: string) =>
  (await db.kysely.selectFrom('members').select('tier_code').where('id', '=', memberId).executeTakeFirstOrThrow())
    .tier_code;

const upgradesOf = async (db: Db, memberId: string) =>
  (
    await db.kysely
      .selectFrom('tier_changes')
      .select(['from_code', 'to_code', 'reason'])
      .where('member_id', '=', memberId)
      .orderBy('id')
      .execute()
  ).map((c) => `${c.reason}:${c.from_code}->${c.to_code}`);

describeEachDatabase('settings sections (tiers, referral, nudge)', (use) => {
  it('tier names are editable: trimmed, 1-8 characters, all different; the birthday coupon is a switch', async () => {
    const { fields, values } = await section(use(), 'tiers');
    expect(fields.find((f) => f.key === 'silver.name')).toMatchObject({
      kind: 'text',
      group: '第 2 级',
      value: '银卡会员',
    });
    expect(fields.find((f) => f.key === 'gold.birthdayCoupon')).toMatchObject({ kind: 'switch', value: true });
    expect(values['normal.birthdayCoupon']).toBe(false);

    expect(await refused(use(), 'tiers', { 'silver.name': '  ' }, 'silver.name')).toBe('第 2 级 名称须为 1～8 个字');
    await refused(use(), 'tiers', { 'silver.name': '一二三四五六七八九' }, 'silver.name');
    expect(await refused(use(), 'tiers', { 'black.name': '金卡会员' }, 'black.name')).toContain('重复');
    expect(await refused(use(), 'tiers', { 'gold.birthdayCoupon': 1 }, 'gold.birthdayCoupon')).toBe(
      '第 3 级 生日礼券须为开或关',
    );

    const saved = okData(await save(use(), 'tiers', { 'silver.name': ' 白银会员 ', 'normal.birthdayCoupon': true }));
    expect(saved.changed).toEqual([
      { field: 'normal.birthdayCoupon', label: '第 1 级 生日礼券', before: false, after: true },
      { field: 'silver.name', label: '第 2 级 名称', before: '银卡会员', after: '白银会员' },
    ]);
    const silver = await memberAt(use(), 1500, 'silver');
    const me = okData(await callAction(use(), 'member.me', {}, { openid: silver.openid, now: T0 }));
    expect(me.tier).toEqual({ code: 'silver', name: '白银会员' });
    const normal = await use()
      .kysely.selectFrom('tiers')
      .select('benefits')
      .where('code', '=', 'normal')
      .executeTakeFirstOrThrow();
    expect(normal.benefits).toMatchObject({ birthdayCoupon: true });
  });

  it('lowering a threshold upgrades who now reaches it at once; raising one moves nobody down', async () => {
    const near = await memberAt(use(), 800);
    const far = await memberAt(use(), 3_000, 'silver');
    const below = await memberAt(use(), 400);
    okData(await save(use(), 'tiers', { 'silver.minGrowth': 500, 'gold.minGrowth': 2_500 }));
    expect([await tierOf(use(), near.id), await tierOf(use(), far.id), await tierOf(use(), below.id)]).toEqual([
      'silver',
      'gold',
      'normal',
    ]);
    // Each move is an upgrade the member's celebration page shows.
    expect(await upgradesOf(use(), near.id)).toEqual(['upgrade:normal->silver']);
    expect(await upgradesOf(use(), far.id)).toEqual(['upgrade:silver->gold']);

    okData(await save(use(), 'tiers', { 'silver.minGrowth': 1_000, 'gold.minGrowth': 5_000 }));
    expect([await tierOf(use(), near.id), await tierOf(use(), far.id)]).toEqual(['silver', 'gold']);
    expect(await upgradesOf(use(), near.id)).toEqual(['upgrade:normal->silver']);
    expect(await upgradesOf(use(), far.id)).toEqual(['upgrade:silver->gold']);
  });

  it('the referral reward kind and coupons are picked from the store’s active templates, and settlement uses them', async () => {
    const { fields } = await section(use(), 'referral');
    const picker = fields.find((f) => f.key === 'rewardTemplateId')!;
    expect(picker.kind).toBe('select');
    expect(picker.options).toEqual(expect.arrayContaining([{ value: 'ct-full-199-30', label: expect.any(String) }]));
    expect(fields.find((f) => f.key === 'rewardKind')!.options).toEqual([
      { value: 'points', label: '积分' },
      { value: 'coupon', label: '优惠券' },
    ]);

    await refused(use(), 'referral', { rewardKind: 'cash' }, 'rewardKind');
    await refused(use(), 'referral', { rewardKind: 'coupon', rewardTemplateId: '' }, 'rewardTemplateId');
    expect(
      await refused(use(), 'referral', { rewardKind: 'coupon', rewardTemplateId: 'ct-no-such' }, 'rewardTemplateId'),
    ).toBe('邀请人奖励券：所选项不存在或已停用，请重新选择');
    await use()
      .kysely.updateTable('coupon_templates')
      .set({ active: false })
      .where('id', '=', 'ct-cream-399-80')
      .execute();
    await refused(use(), 'referral', { friendTemplateId: 'ct-cream-399-80' }, 'friendTemplateId');

    const saved = okData(
      await save(use(), 'referral', {
        rewardKind: 'coupon',
        rewardTemplateId: 'ct-full-199-30',
        friendTemplateId: 'ct-serum-15-off',
      }),
    );
    expect(saved.changed.find((c) => c.field === 'rewardKind')).toMatchObject({ before: '积分', after: '优惠券' });
    okData(await save(use(), 'orderRules', { refundWindowDays: 3 }));

    await setStock(use(), SKU, 50);
    const [a, b] = [await makeMember(use()), await makeMember(use())];
    await bind(use(), a, b, T0);
    expect((await referralCoupons(use(), b.id)).map((c) => c.template_id)).toEqual(['ct-serum-15-off']);
    const card = okData(await callAction(use(), 'referral.myInviteCard', {}, { openid: a.openid, now: T0 }));
    expect(card.rules).toMatchObject({ rewardKind: 'coupon', refundWindowDays: 3 });
    expect(card.rules.rewardCouponTitle).toBeTruthy();

    const order = await makePaidOrder(use(), {
      items: [{ skuId: SKU, qty: 1 }],
      openid: b.openid,
      now: daysAfter(T0, 1),
    });
    await settleOrder(use(), order);
    expect((await bindingsOf(use(), b.id))[0]).toMatchObject({ status: 'rewarded', reward_kind: 'coupon' });
    expect((await referralCoupons(use(), a.id)).map((c) => c.template_id)).toEqual(['ct-full-199-30']);
  });

  it('nudge trigger args are typed fields checked by each trigger’s schema; no JSON anywhere', async () => {
    const { fields } = await section(use(), 'nudge');
    expect(fields.filter((f) => f.kind === 'text').map((f) => f.key)).toEqual(['templateId']);
    expect(fields.find((f) => f.key === 'repurchase_due.windowDays')).toMatchObject({
      kind: 'int',
      group: '复购提醒',
      min: 1,
      max: 30,
      value: 3,
    });
    expect(fields.find((f) => f.key === 'win_back.couponTemplateId')).toMatchObject({ kind: 'select', value: '' });

    expect(await refused(use(), 'nudge', { 'repurchase_due.windowDays': 31 }, 'repurchase_due.windowDays')).toBe(
      '复购提醒 补发窗口须为 1～30 的整数',
    );
    await refused(use(), 'nudge', { 'win_back.couponTemplateId': 'ct-no-such' }, 'win_back.couponTemplateId');
    await refused(use(), 'nudge', { 'points_expiring.enabled': 0 }, 'points_expiring.enabled');
    await refused(use(), 'nudge', { 'win_back.args': '{"windowDays": 5}' }, 'win_back.args');

    okData(
      await save(use(), 'nudge', {
        'repurchase_due.windowDays': 5,
        'win_back.couponTemplateId': 'ct-full-199-30',
        'points_expiring.enabled': false,
      }),
    );
    const row = await use()
      .kysely.selectFrom('nudge_settings')
      .select('trigger_args')
      .where('store_id', '=', 'demo')
      .executeTakeFirstOrThrow();
    expect(row.trigger_args).toMatchObject({
      repurchase_due: { windowDays: 5, enabled: true },
      win_back: { windowDays: 3, couponTemplateId: 'ct-full-199-30', enabled: true },
      points_expiring: { withinDays: 30, enabled: false },
    });

    // Args stored before (or by hand) that the trigger's schema refuses read as its defaults.
    await use()
      .kysely.updateTable('nudge_settings')
      .set({ trigger_args: JSON.stringify({ repurchase_due: { windowDays: 99 }, win_back: { enabled: false } }) })
      .where('store_id', '=', 'demo')
      .execute();
    const { values } = await section(use(), 'nudge');
    expect(values).toMatchObject({
      'repurchase_due.windowDays': 3,
      'repurchase_due.enabled': true,
      'win_back.enabled': false,
      'win_back.couponTemplateId': '',
    });
  });
});
