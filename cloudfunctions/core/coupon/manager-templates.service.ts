import { randomUUID } from 'node:crypto';
import type { ActionOutput } from '../contract';
import type { ActionArgs } from '../context';
import { fail, ok, type Result } from '../errors';
import { termsViews } from './coupon-view';
import { validityText } from './domain/coupon-terms';
import { couponRule } from './rules';
import { findTemplate } from './repo/coupon.repo';
import { deactivateTemplate, insertClaimTemplate, storeTemplates } from './repo/manager-template.repo';


/** `manager.listCouponTemplates`: every template, active first, with terms and stock. */
export async function listCouponTemplates({ ctx, exec }: ActionArgs<'manager.listCouponTemplates'>): Promise<Result<ActionOutput<'manager.listCouponTemplates'>>> {
  const rows = await storeTemplates(exec, ctx.storeId);
  const terms = await termsViews(exec, rows.map((r) => ({ ...r, args: r.args as Record<string, unknown> })));
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
  });
}

/**
 * `manager.createCouponTemplate`: a claim-center template, store-wide, valid N days after the claim.
 * Its args are checked by the kind's own rule schema (the registry), the same one pricing trusts.
 */
export async function createCouponTemplate({ input, ctx, exec }: ActionArgs<'manager.createCouponTemplate'>): Promise<Result<ActionOutput<'manager.createCouponTemplate'>>> {
  const given = { thresholdFen: input.thresholdFen, amountFen: input.amountFen, percentOff: input.percentOff, capFen: input.capFen };
  const args = couponRule(input.kind).args.safeParse(Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)));
  if (!args.success) {
    return fail('VALIDATION_FAILED', '优惠券面额或门槛不合理', { issues: args.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) });
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
export async function stopCouponTemplate({ input, ctx, exec }: ActionArgs<'manager.stopCouponTemplate'>): Promise<Result<ActionOutput<'manager.stopCouponTemplate'>>> {
  if (!(await deactivateTemplate(exec, ctx.storeId, input.templateId))) {
    if (!(await findTemplate(exec, ctx.storeId, input.templateId))) return fail('NOT_FOUND', '优惠券模板不存在');
  }
  return ok({ templateId: input.templateId, active: false });
}
