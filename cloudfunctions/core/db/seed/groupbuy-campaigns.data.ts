import type { Executor } from '../db';

/** Demo group-buy campaigns: a team of 2 and a team of 3, running for years so the demo keeps working. */
const DEMO_GROUPBUY_CAMPAIGNS = [
  {
    id: 'gb-demo-cleanser-2',
    skuId: 'sku-amino-acid-cleanser-1',
    title: '洁面乳 2人团',
    groupPriceFen: 5900,
    teamSize: 2,
    stockCap: 500,
    allowVirtual: false,
  },
  {
    id: 'gb-demo-essence-3',
    skuId: 'sku-hyaluronic-essence-water-1',
    title: '精华水 3人团',
    groupPriceFen: 9900,
    teamSize: 3,
    stockCap: 300,
    allowVirtual: true,
  },
] as const;

/** Idempotent: an existing campaign (and what it sold) is left alone. */
export async function seedGroupbuyCampaigns(tx: Executor, storeId: string): Promise<void> {
  await tx
    .insertInto('groupbuy_campaigns')
    .values(
      DEMO_GROUPBUY_CAMPAIGNS.map((c) => ({
        id: c.id,
        store_id: storeId,
        sku_id: c.skuId,
        title: c.title,
        group_price_fen: c.groupPriceFen,
        team_size: c.teamSize,
        window_hours: 24,
        per_member_limit: 1,
        stock_cap: c.stockCap,
        allow_virtual: c.allowVirtual,
        on_full: 'open_new' as const,
        starts_at: new Date('2026-01-01T00:00:00+08:00'),
        ends_at: new Date('2031-01-01T00:00:00+08:00'),
        created_at: new Date('2026-01-01T00:00:00+08:00'),
        stopped_at: null,
      })),
    )
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}
