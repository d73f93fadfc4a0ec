import { z } from 'zod';

/**
 * A settings field as declared by a section: its kind, its form's label, unit and range, so the
 * manager's page renders any section from what the server sends, and its zod schema is built from
 * the same declaration (the server is the only judge of a value).
 */
export type FieldKind = 'int' | 'text' | 'textList' | 'switch' | 'select';
export type SettingValue = number | string | string[] | boolean;

/** One choice of a select field: the stored value and what the manager reads. */
export interface SelectOption {
  value: string;
  label: string;
}

export interface SettingField {
  key: string;
  label: string;
  kind: FieldKind;
  /** A heading the form shows above the field when it differs from the previous one (`第 2 级`). */
  group?: string;
  min?: number;
  max?: number;
  unit?: string;
  help?: string;
  /** text: the allowed shape, said in `help`. */
  pattern?: RegExp;
  /** text: a required, trimmed length (a tier name: 1-8). */
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  /** select: the fixed choices; a section may load others per store (coupon templates). */
  options?: SelectOption[];
}

/** Options loaded per store for select fields, by field key. */
export type LoadedOptions = Record<string, SelectOption[]>;

/** The label with its group, as a refusal and an audit line say it (`第 2 级 成长值门槛`). */
const fullLabel = (f: SettingField): string => (f.group ? `${f.group} ${f.label}` : f.label);

/** A field's zod schema; a select accepts only a value among its options (declared or loaded). */
export function fieldSchema(f: SettingField, loaded?: SelectOption[]): z.ZodType {
  if (f.kind === 'int') {
    return z
      .number()
      .int()
      .min(f.min ?? 0)
      .max(f.max ?? 2_147_483_647);
  }
  if (f.kind === 'switch') return z.boolean();
  if (f.kind === 'select') {
    const allowed = new Set((loaded ?? f.options ?? []).map((o) => o.value));
    return z.string().refine((v) => allowed.has(v));
  }
  if (f.minLength !== undefined || f.maxLength !== undefined) {
    return z
      .string()
      .trim()
      .min(f.minLength ?? 0)
      .max(f.maxLength ?? 200);
  }
  const text = f.pattern ? z.string().regex(f.pattern) : z.string().max(200);
  return f.kind === 'text' ? text : z.array(text.min(1)).max(f.maxItems ?? 10);
}

function refusal(f: SettingField): string {
  const label = fullLabel(f);
  switch (f.kind) {
    case 'int':
      return `${label}须为 ${f.min}～${f.max} 的整数`;
    case 'switch':
      return `${label}须为开或关`;
    case 'select':
      return `${label}：所选项不存在或已停用，请重新选择`;
    case 'textList':
      return `${label}最多 ${f.maxItems} 个，格式不正确`;
    default:
      return f.maxLength !== undefined ? `${label}须为 ${f.minLength ?? 0}～${f.maxLength} 个字` : `${label}格式不正确`;
  }
}

export type SectionCheck =
  { ok: true; values: Record<string, unknown> } | { ok: false; field: string; label: string; message: string };

/** Validates a section's values; a refusal names the first wrong field and says what it accepts. */
export function checkFields(
  fields: readonly SettingField[],
  values: unknown,
  loaded: LoadedOptions = {},
): SectionCheck {
  const schema = z.strictObject(Object.fromEntries(fields.map((f) => [f.key, fieldSchema(f, loaded[f.key])])));
  const parsed = schema.safeParse(values);
  if (parsed.success) return { ok: true, values: parsed.data };
  const issue = parsed.error.issues[0]!;
  // An unknown key is reported on the object itself, its name in `keys`.
  const key = String(issue.path[0] ?? (issue.code === 'unrecognized_keys' ? issue.keys[0] : ''));
  const field = fields.find((f) => f.key === key);
  if (!field) return { ok: false, field: key, label: key, message: '设置项不存在或缺失' };
  return { ok: false, field: key, label: fullLabel(field), message: refusal(field) };
}

/**
 * What changed in a section, field by field with its label, for the audit row. A select's values
 * are written as their option labels (`积分 → 优惠券`), which is what the manager chose from.
 */
export function sectionDiff(
  fields: readonly SettingField[],
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  loaded: LoadedOptions = {},
) {
  const said = (f: SettingField, v: unknown) =>
    f.kind === 'select' ? ((loaded[f.key] ?? f.options ?? []).find((o) => o.value === v)?.label ?? v) : v;
  return fields
    .filter((f) => JSON.stringify(before[f.key]) !== JSON.stringify(after[f.key]))
    .map((f) => ({ field: f.key, label: fullLabel(f), before: said(f, before[f.key]), after: said(f, after[f.key]) }));
}
