import type { Fen } from '../../shared/money';

/** What a template counts: pieces, or the goods' weight in grams (`skus.weight_grams` x qty). */
export type ChargeBy = 'count' | 'weight';

/** First unit for the first fee, then every started additional unit for the additional fee. */
export interface FreightRule {
  firstUnit: number;
  firstFeeFen: Fen;
  additionalUnit: number;
  additionalFeeFen: Fen;
  /** The template's goods at or above this amount ship free in this region; null: never free. */
  freeOverFen: Fen | null;
}

/** A rule for a group of provinces. */
export interface FreightRegion extends FreightRule {
  provinces: string[];
}

/** A 运费模板: regions, the rule for every other province, and the provinces not delivered to. */
export interface FreightTemplate {
  id: string;
  name: string;
  chargeBy: ChargeBy;
  regions: FreightRegion[];
  defaultRule: FreightRule;
  undeliverable: string[];
}

/** Why a template cannot be saved, or null. The contract already checked shapes and ranges. */
export type TemplateProblem =
  { field: 'provinces'; province: string; reason: 'unknown' | 'twice' } | { field: 'regions'; reason: 'empty_region' };

/** Every province at most once over all regions and the undeliverable list, and each one known. */
export function templateProblem(
  t: Pick<FreightTemplate, 'regions' | 'undeliverable'>,
  knownProvinces: ReadonlySet<string>,
): TemplateProblem | null {
  const seen = new Set<string>();
  for (const group of [...t.regions.map((r) => r.provinces), t.undeliverable]) {
    if (group !== t.undeliverable && group.length === 0) return { field: 'regions', reason: 'empty_region' };
    for (const province of group) {
      if (!knownProvinces.has(province)) return { field: 'provinces', province, reason: 'unknown' };
      if (seen.has(province)) return { field: 'provinces', province, reason: 'twice' };
      seen.add(province);
    }
  }
  return null;
}

/** The rule a province ships under, or null when the template does not deliver there. */
export function ruleFor(t: FreightTemplate, province: string): FreightRule | null {
  if (t.undeliverable.includes(province)) return null;
  return t.regions.find((r) => r.provinces.includes(province)) ?? t.defaultRule;
}

/** Fee for `amount` units (pieces or grams) under a rule; every started additional unit is charged. */
export function ruleFee(rule: FreightRule, amount: number, goodsFen: number): number {
  if (rule.freeOverFen !== null && goodsFen >= rule.freeOverFen) return 0;
  const extra = Math.max(0, amount - rule.firstUnit);
  return rule.firstFeeFen + Math.ceil(extra / rule.additionalUnit) * rule.additionalFeeFen;
}
