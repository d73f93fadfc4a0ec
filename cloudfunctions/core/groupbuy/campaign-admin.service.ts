import { randomUUID } from 'node:crypto';
import type { ActionInput, ActionOutput, ManagerCampaignView } from '../contract';
import type { ServiceArgs } from '../context';
import type { Executor } from '../db/db';
import { fail, ok, type Result } from '../errors';
import { findSkusWithProduct } from '../catalog';
import { campaignsWithSku, toManagerCampaignView } from './campaign-view';
import { GROUPBUY_RULES } from './domain/campaign-rules';
import { findCampaign } from './repo/groupbuy.repo';
import { addMinutes } from '../shared/time';

async function teamCounts(exec: Executor, storeId: string) {
  const rows = await exec
    .selectFrom('groupbuy_teams')
    .select(['campaign_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('store_id', '=', storeId)
    .groupBy(['campaign_id', 'status'])
    .execute();
  const by = new Map<string, ManagerCampaignView['teams']>();
  for (const r of rows) {
    const c = by.get(r.campaign_id) ?? { open: 0, succeeded: 0, failed: 0 };
    c[r.status] = Number(r.n);
    by.set(r.campaign_id, c);
  }
  return by;
}

async function managerView(
  exec: Executor,
  storeId: string,
  campaignId: string,
  now: Date,
): Promise<ManagerCampaignView> {
  const row = (await campaignsWithSku(exec, storeId).where('c.id', '=', campaignId).executeTakeFirst())!;
  return toManagerCampaignView(
    row,
    (await teamCounts(exec, storeId)).get(campaignId) ?? { open: 0, succeeded: 0, failed: 0 },
    now,
  );
}

/** `manager.listCampaigns`: every campaign of the store, newest first, with its team outcomes. */
export async function listManagerCampaigns({
  ctx,
  exec,
}: ServiceArgs<ActionInput<'manager.listCampaigns'>>): Promise<Result<ActionOutput<'manager.listCampaigns'>>> {
  const rows = await campaignsWithSku(exec, ctx.storeId).orderBy('c.created_at', 'desc').limit(100).execute();
  const counts = await teamCounts(exec, ctx.storeId);
  return ok({
    items: rows.map((r) => toManagerCampaignView(r, counts.get(r.id) ?? { open: 0, succeeded: 0, failed: 0 }, ctx.now)),
  });
}

/** `manager.createCampaign`: a campaign on one SKU of the store; the group price must undercut the list price. */
export async function createCampaign({
  input,
  ctx,
  exec,
}: ServiceArgs<ActionInput<'manager.createCampaign'>>): Promise<Result<ActionOutput<'manager.createCampaign'>>> {
  const [sku] = await findSkusWithProduct(exec, ctx.storeId, [input.skuId]);
  if (!sku || !sku.active) return fail('NOT_FOUND', '商品规格不存在', { skuId: input.skuId });
  if (input.groupPriceFen >= sku.price_fen) {
    return fail('VALIDATION_FAILED', '拼团价须低于原价', { field: 'groupPriceFen', priceFen: sku.price_fen });
  }
  const startsAt = input.startsAt ? new Date(input.startsAt) : ctx.now;
  const endsAt = input.endsAt ? new Date(input.endsAt) : addMinutes(startsAt, input.durationDays! * 24 * 60);
  if (endsAt <= startsAt || endsAt <= ctx.now)
    return fail('VALIDATION_FAILED', '结束时间须晚于开始时间和当前时间', { field: 'endsAt' });
  const id = `gb_${randomUUID().replace(/-/g, '').slice(0, 20)}`;
  await exec
    .insertInto('groupbuy_campaigns')
    .values({
      id,
      store_id: ctx.storeId,
      sku_id: sku.sku_id,
      title: input.title,
      group_price_fen: input.groupPriceFen,
      team_size: input.teamSize,
      window_hours: input.windowHours ?? GROUPBUY_RULES.defaultWindowHours,
      per_member_limit: input.perMemberLimit ?? 1,
      stock_cap: input.stockCap,
      allow_virtual: input.allowVirtual ?? false,
      on_full: input.onFull ?? 'open_new',
      starts_at: startsAt,
      ends_at: endsAt,
      created_at: ctx.now,
      stopped_at: null,
    })
    .execute();
  return ok(await managerView(exec, ctx.storeId, id, ctx.now));
}

/**
 * `manager.stopCampaign`: no new orders, teams or joins from now on. Teams already open end at their
 * expiry as usual (refunded, or virtual if allowed): their members have paid; an order created
 * before the stop and paid after it still takes its seat.
 */
export async function stopCampaign({
  input,
  ctx,
  exec,
}: ServiceArgs<ActionInput<'manager.stopCampaign'>>): Promise<Result<ActionOutput<'manager.stopCampaign'>>> {
  const r = await exec
    .updateTable('groupbuy_campaigns')
    .set({ status: 'stopped', stopped_at: ctx.now })
    .where('id', '=', input.campaignId)
    .where('store_id', '=', ctx.storeId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) {
    return (await findCampaign(exec, ctx.storeId, input.campaignId))
      ? fail('GROUP_BUY_STOPPED', undefined, { campaignId: input.campaignId })
      : fail('GROUP_BUY_UNAVAILABLE', '拼团活动不存在');
  }
  return ok(await managerView(exec, ctx.storeId, input.campaignId, ctx.now));
}
