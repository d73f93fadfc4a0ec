import type { ExternalSection, SettingField } from '../settings';
import { DEFAULT_TIERS, type TierBenefits } from './domain/tiers';
import {
  lockMembersOnTiers,
  parkThresholds,
  storedTiers,
  upgradeQualifiedMembers,
  upsertTier,
  type StoredTier,
} from './repo/tiers.repo';

const CODES = DEFAULT_TIERS.map((t) => t.code);
const MAX_GROWTH = 10_000_000;

const tierFields = (code: string, i: number): SettingField[] => {
  const group = `第 ${i + 1} 级`;
  return [
    {
      key: `${code}.name`,
      group,
      label: '名称',
      kind: 'text',
      minLength: 1,
      maxLength: 8,
      help: '1～8 个字，各级不同',
    },
    { key: `${code}.minGrowth`, group, label: '成长值门槛', kind: 'int', min: 0, max: MAX_GROWTH },
    { key: `${code}.memberPricePercent`, group, label: '会员价', kind: 'int', min: 50, max: 100, unit: '%' },
    { key: `${code}.pointsMultiplierPercent`, group, label: '积分倍率', kind: 'int', min: 100, max: 1000, unit: '%' },
    { key: `${code}.freeShippingYuan`, group, label: '包邮门槛', kind: 'int', min: 0, max: 100_000, unit: '元' },
    { key: `${code}.birthdayCoupon`, group, label: '生日礼券', kind: 'switch' },
  ];
};

function fromForm(v: Record<string, unknown>, code: string): StoredTier {
  const benefits: TierBenefits = {
    memberPricePercent: v[`${code}.memberPricePercent`] as number,
    pointsMultiplier: (v[`${code}.pointsMultiplierPercent`] as number) / 100,
    birthdayCoupon: v[`${code}.birthdayCoupon`] === true,
    freeShippingThresholdFen: (v[`${code}.freeShippingYuan`] as number) * 100,
  };
  return { name: v[`${code}.name`] as string, minGrowth: v[`${code}.minGrowth`] as number, benefits };
}

/**
 * 会员等级 in 店铺设置: each tier's name, threshold and benefits, kept in `tiers`. Lowering a threshold
 * upgrades the members who now reach it in the same transaction (upgrades are immediate); raising
 * one moves nobody down before the yearly review.
 */
export const tiersSettingsSection: ExternalSection = {
  code: 'tiers',
  title: '会员等级',
  fields: CODES.flatMap(tierFields),
  load: async (exec, storeId) => {
    const stored = await storedTiers(exec, storeId);
    const values: Record<string, number | string | boolean> = {};
    for (const d of DEFAULT_TIERS) {
      const t = stored.get(d.code) ?? d;
      values[`${d.code}.name`] = t.name;
      values[`${d.code}.minGrowth`] = t.minGrowth;
      values[`${d.code}.memberPricePercent`] = t.benefits.memberPricePercent;
      values[`${d.code}.pointsMultiplierPercent`] = Math.round(t.benefits.pointsMultiplier * 100);
      values[`${d.code}.freeShippingYuan`] = Math.round(t.benefits.freeShippingThresholdFen / 100);
      values[`${d.code}.birthdayCoupon`] = t.benefits.birthdayCoupon;
    }
    return values;
  },
  // The first tier starts at 0 and each next one needs more growth: every growth value has one tier.
  // Names tell tiers apart on the member's page and the celebration, so no two may be the same.
  check: (v) => {
    const thresholds = CODES.map((c) => v[`${c}.minGrowth`] as number);
    if (thresholds[0] !== 0) return { field: `${CODES[0]}.minGrowth`, message: '第 1 级的成长值门槛须为 0' };
    const bad = thresholds.findIndex((n, i) => i > 0 && n <= thresholds[i - 1]!);
    if (bad > 0) return { field: `${CODES[bad]}.minGrowth`, message: `第 ${bad + 1} 级的成长值门槛须高于上一级` };
    const names = CODES.map((c) => v[`${c}.name`] as string);
    const twin = names.findIndex((n, i) => names.indexOf(n) < i);
    return twin > 0 ? { field: `${CODES[twin]}.name`, message: `第 ${twin + 1} 级的名称与其他等级重复` } : null;
  },
  save: async (exec, storeId, v, now) => {
    const before = await storedTiers(exec, storeId);
    const tiers = CODES.map((code) => ({ code, next: fromForm(v, code) }));
    // Members below the highest lowered tier may move up: lock them before any threshold changes.
    const lowered = tiers.map(
      ({ code, next }, i) => next.minGrowth < (before.get(code)?.minGrowth ?? DEFAULT_TIERS[i]!.minGrowth),
    );
    const top = lowered.lastIndexOf(true);
    if (top > 0) await lockMembersOnTiers(exec, storeId, CODES.slice(0, top));
    // (store, min_growth) is unique and checked row by row: park the thresholds above the form's
    // maximum first, so moving one tier onto another's old threshold never collides midway.
    await parkThresholds(exec, storeId, CODES, MAX_GROWTH + 1);
    for (const { code, next } of tiers) await upsertTier(exec, storeId, code, next);
    if (top > 0) await upgradeQualifiedMembers(exec, storeId, now);
  },
};
