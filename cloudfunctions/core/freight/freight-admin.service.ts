import { randomUUID } from 'node:crypto';
import type { ActionOutput, FreightTemplateView } from '../contract';
import type { ActionArgs } from '../context';
import { fail, ok, type Result } from '../errors';
import { fen } from '../shared/money';
import { templateProblem, type FreightRule, type FreightTemplate } from './domain/freight-template';
import { templateSummary } from './domain/freight-text';
import { loadTemplates, PROVINCES, storedRules, templateOf } from './freight-book';
import {
  deleteUnusedTemplate,
  holdTemplate,
  insertTemplate,
  listTemplateRows,
  nameTakenByOther,
  productCounts,
  setProductTemplate,
  updateTemplate,
} from './repo/freight.repo';

const KNOWN = new Set(PROVINCES);

/** `manager.listFreightTemplates`: one line per template (the product editor's picker reads it too). */
export async function listFreightTemplates({
  ctx,
  exec,
}: ActionArgs<'manager.listFreightTemplates'>): Promise<Result<ActionOutput<'manager.listFreightTemplates'>>> {
  const rows = await listTemplateRows(exec, ctx.storeId);
  return ok({
    templates: rows.map((r) => ({ id: r.id, name: r.name, summary: templateSummary(templateOf(r)) })),
  });
}

/** `manager.getFreightTemplate`: the editor's template (null: a new one) and the provinces to pick from. */
export async function getFreightTemplate({
  input,
  ctx,
  exec,
}: ActionArgs<'manager.getFreightTemplate'>): Promise<Result<ActionOutput<'manager.getFreightTemplate'>>> {
  if (!input.templateId) return ok({ template: null, provinces: [...PROVINCES] });
  const rows = await listTemplateRows(exec, ctx.storeId);
  const row = rows.find((r) => r.id === input.templateId);
  if (!row) return fail('FREIGHT_TEMPLATE_NOT_FOUND', undefined, { templateId: input.templateId });
  const t = templateOf(row);
  const counts = await productCounts(exec, [t.id]);
  const view: FreightTemplateView = {
    templateId: t.id,
    name: t.name,
    chargeBy: t.chargeBy,
    regions: t.regions,
    defaultRule: t.defaultRule,
    undeliverable: t.undeliverable,
    version: row.version,
    productCount: counts.get(t.id) ?? 0,
    summary: templateSummary(t),
  };
  return ok({ template: view, provinces: [...PROVINCES] });
}

function ruleOf(r: { [K in keyof FreightRule]: number | null }): FreightRule {
  return {
    firstUnit: r.firstUnit!,
    firstFeeFen: fen(r.firstFeeFen!),
    additionalUnit: r.additionalUnit!,
    additionalFeeFen: fen(r.additionalFeeFen!),
    freeOverFen: r.freeOverFen === null ? null : fen(r.freeOverFen),
  };
}

/**
 * `manager.saveFreightTemplate`: the whole template at once. No province may sit in two regions or be
 * both a region and undeliverable; an update saves over the version the manager edited only.
 */
export async function saveFreightTemplate({
  input,
  ctx,
  exec,
}: ActionArgs<'manager.saveFreightTemplate'>): Promise<Result<ActionOutput<'manager.saveFreightTemplate'>>> {
  const template: FreightTemplate = {
    id: input.templateId ?? `ft_${randomUUID().replace(/-/g, '').slice(0, 20)}`,
    name: input.name,
    chargeBy: input.chargeBy,
    regions: input.regions.map((r) => ({ provinces: r.provinces, ...ruleOf(r) })),
    defaultRule: ruleOf(input.defaultRule),
    undeliverable: input.undeliverable,
  };
  const problem = templateProblem(template, KNOWN);
  if (problem) {
    const message =
      problem.field === 'regions'
        ? '每个地区至少选择一个省份'
        : problem.reason === 'twice'
          ? `${problem.province}出现在多个地区或不配送地区中`
          : `不认识的省份：${problem.province}`;
    return fail('FREIGHT_TEMPLATE_INVALID', message, problem);
  }
  const values = {
    name: template.name,
    charge_by: template.chargeBy,
    rules: storedRules(template),
    undeliverable: template.undeliverable,
  };
  const summary = templateSummary(template);
  if (!input.templateId) {
    const row = { ...values, id: template.id, store_id: ctx.storeId, created_at: ctx.now };
    if (!(await insertTemplate(exec, row))) return fail('FREIGHT_TEMPLATE_NAME_TAKEN', undefined, { name: input.name });
    return ok({ templateId: template.id, version: 1, summary });
  }
  if (await nameTakenByOther(exec, ctx.storeId, input.name, template.id))
    return fail('FREIGHT_TEMPLATE_NAME_TAKEN', undefined, { name: input.name });
  const q = { storeId: ctx.storeId, id: template.id, version: input.version!, now: ctx.now };
  const version = await updateTemplate(exec, q, values);
  if (version !== undefined) return ok({ templateId: template.id, version, summary });
  const exists = (await loadTemplates(exec, ctx.storeId, [template.id])).size > 0;
  return exists
    ? fail('FREIGHT_TEMPLATE_STALE', undefined, { templateId: template.id })
    : fail('FREIGHT_TEMPLATE_NOT_FOUND', undefined, { templateId: template.id });
}

/** `manager.deleteFreightTemplate`: only a template no product ships under. */
export async function deleteFreightTemplate({
  input,
  ctx,
  exec,
}: ActionArgs<'manager.deleteFreightTemplate'>): Promise<Result<ActionOutput<'manager.deleteFreightTemplate'>>> {
  if (await deleteUnusedTemplate(exec, ctx.storeId, input.templateId)) return ok({ templateId: input.templateId });
  const exists = (await loadTemplates(exec, ctx.storeId, [input.templateId])).size > 0;
  if (!exists) return fail('FREIGHT_TEMPLATE_NOT_FOUND', undefined, { templateId: input.templateId });
  const products = (await productCounts(exec, [input.templateId])).get(input.templateId) ?? 0;
  return fail('FREIGHT_TEMPLATE_IN_USE', `仍有 ${products} 个商品使用该运费模板，请先为它们更换模板`, { products });
}

/** `manager.setProductFreight`: the template a product ships under, or null for the store's flat rule. */
export async function setProductFreight({
  input,
  ctx,
  exec,
}: ActionArgs<'manager.setProductFreight'>): Promise<Result<ActionOutput<'manager.setProductFreight'>>> {
  const templateId = input.freightTemplateId;
  if (templateId !== null && !(await holdTemplate(exec, ctx.storeId, templateId)))
    return fail('FREIGHT_TEMPLATE_NOT_FOUND', undefined, { templateId });
  const q = { storeId: ctx.storeId, productId: input.productId, templateId, now: ctx.now };
  if (!(await setProductTemplate(exec, q))) return fail('NOT_FOUND', '商品不存在', { productId: input.productId });
  return ok({ productId: input.productId, freightTemplateId: templateId });
}
