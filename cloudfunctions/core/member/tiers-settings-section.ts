import type { Executor } from '../db/db';
import type { ExternalSection, SettingField } from '../settings';
import { DEFAULT_TIERS, type TierBenefits } from './domain/tiers';

const CODES = DEFAULT_TIERS.map((t) => t.code);

const tierFields = (t: (typeof DEFAULT_TIERS)[number]): SettingField[] => [
  { key: `${t.code}.minGrowth`, label: `${t.name} 成长值门槛`, kind: 'int', min: 0, max: 10_000_000 },
  { key: `${t.code}.memberPricePercent`, label: `${t.name} 会员价`, kind: 'int', min: 50, max: 100, unit: '%' },
  {
    key: `${t.code}.pointsMultiplierPercent`,
    label: `${t.name} 积分倍率`,
    kind: 'int',
    min: 100,
    max: 1000,
    unit: '%',
  },
  { key: `${t.code}.freeShippingYuan`, label: `${t.name} 包邮门槛`, kind: 'int', min: 0, max: 100_000, unit: '元' },
  { key: `${t.code}.birthdayCoupon`, label: `${t.name} 生日礼券`, kind: 'int', min: 0, max: 1, help: '1 发放，0 不发' },
];

async function storedTiers(exec: Executor, storeId: string) {
  const rows = await exec.selectFrom('tiers').selectAll().where('store_id', '=', storeId).execute();
  return new Map(
    rows.map((r) => [r.code, { minGrowth: r.min_growth, benefits: r.benefits as unknown as TierBenefits }]),
  );
}

/**
 * 会员等级 in 店铺设置: each tier's threshold and benefits, kept in `tiers`. A member's tier follows the
 * new thresholds at their next growth change (upgrades) or the yearly review (downgrades), as before.
 */
export const tiersSettingsSection: ExternalSection = {
  code: 'tiers',
  title: '会员等级',
  fields: DEFAULT_TIERS.flatMap(tierFields),
  load: async (exec, storeId) => {
    const stored = await storedTiers(exec, storeId);
    const values: Record<string, number> = {};
    for (const d of DEFAULT_TIERS) {
      const t = stored.get(d.code) ?? d;
      values[`${d.code}.minGrowth`] = t.minGrowth;
      values[`${d.code}.memberPricePercent`] = t.benefits.memberPricePercent;
      values[`${d.code}.pointsMultiplierPercent`] = Math.round(t.benefits.pointsMultiplier * 100);
      values[`${d.code}.freeShippingYuan`] = Math.round(t.benefits.freeShippingThresholdFen / 100);
      values[`${d.code}.birthdayCoupon`] = t.benefits.birthdayCoupon ? 1 : 0;
    }
    return values;
  },
  // The first tier starts at 0 and each next one needs more growth: every growth value has one tier.
  check: (v) => {
    const thresholds = CODES.map((c) => v[`${c}.minGrowth`] as number);
    if (thresholds[0] !== 0) return { field: `${CODES[0]}.minGrowth`, message: '最低等级的成长值门槛须为 0' };
    const bad = thresholds.findIndex((n, i) => i > 0 && n <= thresholds[i - 1]!);
    return bad > 0 ? { field: `${CODES[bad]}.minGrowth`, message: '成长值门槛须逐级提高' } : null;
  },
  save: async (exec, storeId, v) => {
    // (store, min_growth) is unique and checked row by row: park the thresholds above the form's
    // maximum first, so moving one tier onto another's old threshold never collides midway.
    for (const [i, code] of CODES.entries()) {
      await exec
        .updateTable('tiers')
        .set({ min_growth: 10_000_001 + i })
        .where('store_id', '=', storeId)
        .where('code', '=', code)
        .execute();
    }
    for (const d of DEFAULT_TIERS) {
      const benefits: TierBenefits = {
        memberPricePercent: v[`${d.code}.memberPricePercent`] as number,
        pointsMultiplier: (v[`${d.code}.pointsMultiplierPercent`] as number) / 100,
        birthdayCoupon: v[`${d.code}.birthdayCoupon`] === 1,
        freeShippingThresholdFen: (v[`${d.code}.freeShippingYuan`] as number) * 100,
      };
      const row = { min_growth: v[`${d.code}.minGrowth`] as number, benefits: JSON.stringify(benefits) };
      await exec
        .insertInto('tiers')
        .values({ store_id: storeId, code: d.code, name: d.name, ...row })
        .onConflict((oc) => oc.columns(['store_id', 'code']).doUpdateSet(row))
        .execute();
    }
  },
};
