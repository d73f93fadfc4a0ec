import type {
  ActionInput,
  FreightChargeBy,
  FreightRuleView,
  FreightTemplateView,
} from '../../../../../cloudfunctions/core/contract';
import { formatFen } from '../../../../utils/money';
import { yuanInputToFen } from '../../../../utils/yuan-input';

/** A rule as typed: units and yuan as text, converted only when saving. */
export interface RuleDraft {
  firstUnit: string;
  firstFee: string;
  additionalUnit: string;
  additionalFee: string;
  /** Empty: never free. */
  freeOver: string;
}

export interface TemplateDraft {
  name: string;
  chargeBy: FreightChargeBy;
  defaultRule: RuleDraft;
  regions: Array<RuleDraft & { provinces: string[] }>;
  undeliverable: string[];
}

export const emptyRule = (): RuleDraft => ({
  firstUnit: '1',
  firstFee: '10',
  additionalUnit: '1',
  additionalFee: '0',
  freeOver: '',
});

/** `10.00` -> `10`: the stored fen shown as the yuan the manager would type. */
const yuanText = (f: number) => formatFen(f).replace(/\.00$/, '');

function ruleDraft(r: FreightRuleView): RuleDraft {
  return {
    firstUnit: String(r.firstUnit),
    firstFee: yuanText(r.firstFeeFen),
    additionalUnit: String(r.additionalUnit),
    additionalFee: yuanText(r.additionalFeeFen),
    freeOver: r.freeOverFen === null ? '' : yuanText(r.freeOverFen),
  };
}

export function draftOf(t: FreightTemplateView | null): TemplateDraft {
  if (!t) return { name: '', chargeBy: 'count', defaultRule: emptyRule(), regions: [], undeliverable: [] };
  return {
    name: t.name,
    chargeBy: t.chargeBy,
    defaultRule: ruleDraft(t.defaultRule),
    regions: t.regions.map((r) => ({ ...ruleDraft(r), provinces: r.provinces })),
    undeliverable: t.undeliverable,
  };
}

const unit = (v: string) => (/^\d{1,7}$/.test(v.trim()) && Number(v) > 0 ? Number(v.trim()) : NaN);
const fenOf = (v: string) => yuanInputToFen(v) ?? NaN;

function ruleInput(r: RuleDraft) {
  return {
    firstUnit: unit(r.firstUnit),
    firstFeeFen: fenOf(r.firstFee),
    additionalUnit: unit(r.additionalUnit),
    additionalFeeFen: fenOf(r.additionalFee),
    freeOverFen: r.freeOver.trim() === '' ? null : fenOf(r.freeOver),
  };
}

type SaveInput = ActionInput<'manager.saveFreightTemplate'>;

/** The save action's input, or the first problem to tell the manager (the server checks again). */
export function saveInput(d: TemplateDraft, edit: { templateId: string; version: number } | null): SaveInput | string {
  if (!d.name.trim()) return '请填写模板名称';
  const input: SaveInput = {
    ...(edit ?? {}),
    name: d.name.trim(),
    chargeBy: d.chargeBy,
    defaultRule: ruleInput(d.defaultRule),
    regions: d.regions.map((r) => ({ provinces: r.provinces, ...ruleInput(r) })),
    undeliverable: d.undeliverable,
  };
  const rules = [input.defaultRule, ...input.regions];
  if (rules.some((r) => Object.values(r).some((v) => typeof v === 'number' && Number.isNaN(v))))
    return '请填写正确的件数/重量（大于 0 的整数）和金额（最多两位小数）';
  if (input.regions.some((r) => r.provinces.length === 0)) return '每个地区至少选择一个省份';
  return input;
}
