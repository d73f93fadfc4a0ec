import { randomUUID } from 'node:crypto';
import type { ActionOutput } from '../contract';
import type { ActionArgs } from '../context';
import { fail, ok, type Result } from '../errors';
import { termsViews } from './coupon-view';
import { validityText } from './domain/coupon-terms';
import { couponKindForms, couponRule } from './rules';
import { findTemplate } from './repo/coupon.repo';
import { deactivateTemplate, insertClaimTemplate, storeTemplates } from './repo/manager-template.repo';

/** `manager.listCouponTemplates`: every template, active first, with terms and stock, and the kinds the form offers. */
export async function listCouponTemplates({
  ctx,
  exec,
}: ActionArgs<'manager.listCouponTemplates'>): Promise<Result<ActionOutput<'manager.listCouponTemplates'>>> {
  const rows = await storeTemplates(exec, ctx.storeId);
  const terms = await termsViews(
    exec,
    rows.map((r) => ({ ...r, args: r.args as Record<string, unknown> })),
  );
  return ok({
    items: rows.map((t, i) => ({
      templateId: t.id,
      title: t.title,
      total: t.total,
      remaining: t.remaining,
      perMemberLimit: t.per_member_limit,
      active: t.active,
      claimable: t.claimable,
      advisorIssuable: t.advisor_issuable,
      validityText: validityText({ validFrom: t.valid_from, validUntil: t.valid_until, validDays: t.valid_days }),
      ...terms[i]!,
    })),
    kinds: couponKindForms(),
  });
}

/**
 * `manager.createCouponTemplate`: a claim-center template, store-wide, valid N days after the claim.
 * Its args are checked by the kind's own rule schema (the registry), the same one pricing trusts.
 */
export async function createCouponTemplate({
  input,
  ctx,
  exec,
}: ActionArgs<'manager.createCouponTemplate'>): Promise<Result<ActionOutput<'manager.createCouponTemplate'>>> {
  const rule = couponRule(input.kind);
  const given = input.args ?? {
    thresholdFen: input.thresholdFen,
    amountFen: input.amountFen,
    percentOff: input.percentOff,
    capFen: input.capFen,
  };
  const args = rule.args.safeParse(Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)));
  // An arg the kind does not have would be dropped by its schema: refuse it rather than create a
  // coupon other than the one the manager described.
  const foreign = input.args ? Object.keys(input.args).filter((name) => !Object.hasOwn(rule.args.shape, name)) : [];
  if (foreign.length > 0) {
    return fail('VALIDATION_FAILED', '优惠券面额或门槛不合理', {
      issues: foreign.map((name) => ({ path: name, message: 'not an arg of this kind' })),
    });
  }
  if (!args.success) {
    return fail('VALIDATION_FAILED', '优惠券面额或门槛不合理', {
      issues: args.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
  const templateId = `ct_${randomUUID().replace(/-/g, '').slice(0, 20)}`;
  await insertClaimTemplate(exec, {
    id: templateId,
    storeId: ctx.storeId,
    title: input.title,
    kind: input.kind,
    args: args.data,
    validDays: input.validDays,
    total: input.total,
    perMemberLimit: input.perMemberLimit,
    now: ctx.now,
  });
  return ok({ templateId });
}

/** `manager.stopCouponTemplate`: no more claims; coupons already held stay usable. */
export async function stopCouponTemplate({
  input,
  ctx,
  exec,
}: ActionArgs<'manager.stopCouponTemplate'>): Promise<Result<ActionOutput<'manager.stopCouponTemplate'>>> {
  if (!(await deactivateTemplate(exec, ctx.storeId, input.templateId))) {
    if (!(await findTemplate(exec, ctx.storeId, input.templateId))) return fail('NOT_FOUND', '优惠券模板不存在');
  }
  return ok({ templateId: input.templateId, active: false });
}
