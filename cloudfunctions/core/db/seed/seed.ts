import type { Kdb } from '../db';
import { DEFAULT_TIERS } from '../../member';
import { bannerImagePath, categoryIconPath, PRODUCT_IMAGE_COUNT, productImagePath } from '../../catalog';
import { demoStore } from './demo-store.data';
import type { SeedStore } from './seed.types';
import { seedCouponTemplates } from './coupon-templates.data';
import { seedGroupbuyCampaigns } from './groupbuy-campaigns.data';
// the invited friend's gift coupon
import { REFERRAL_COUPON_TEMPLATES } from './referral-templates.data';
import { seedDemoShops } from './shops.data';
import { seedAdvisorDemo } from './advisor-demo.data';
import { seedFreightTemplates } from './freight-templates.data';

/** Openids the seed makes staff of the demo store (local mode signs in with `X-Dev-Openid`). */
export const DEMO_STAFF = [
  { openid: 'demo-manager', role: 'manager' },
  { openid: 'demo-staff', role: 'staff' },
] as const;

/**
 * Writes the demo store. Idempotent: rows that exist are left alone (a shop's edits and stock
 * survive a restart), rows that are missing are added.
 */
export async function seedDemoStore(db: Kdb, store: SeedStore = demoStore): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto('stores')
      .values({ id: store.id, name: store.name, slogan: store.slogan, return_address: store.returnAddress })
      .onConflict((oc) => oc.doNothing())
      .execute();
    await tx
      .insertInto('tiers')
      .values(
        DEFAULT_TIERS.map((t) => ({
          store_id: store.id,
          code: t.code,
          name: t.name,
          min_growth: t.minGrowth,
          benefits: JSON.stringify(t.benefits),
        })),
      )
      .onConflict((oc) => oc.doNothing())
      .execute();
    await tx
      .insertInto('categories')
      .values(
        store.categories.map((c) => ({
          id: c.id,
          store_id: store.id,
          name: c.name,
          icon: categoryIconPath(c.id),
          art: JSON.stringify(c.art),
          sort: c.sort,
        })),
      )
      .onConflict((oc) => oc.doNothing())
      .execute();
    await tx
      .insertInto('products')
      .values(
        store.products.map((p) => ({
          id: p.id,
          store_id: store.id,
          category_id: p.categoryId,
          title: p.title,
          subtitle: p.subtitle,
          description: p.description,
          images: JSON.stringify(Array.from({ length: PRODUCT_IMAGE_COUNT }, (_, i) => productImagePath(p.id, i + 1))),
          art: JSON.stringify(p.art),
          repurchase_cycle_days: p.repurchaseCycleDays,
          fulfilment: p.fulfilment,
          tags: p.tags,
          featured: p.featured,
          sort: p.sort,
        })),
      )
      .onConflict((oc) => oc.doNothing())
      .execute();
    await tx
      .insertInto('skus')
      .values(
        store.products.flatMap((p) =>
          p.skus.map((s, i) => ({
            id: s.id,
            product_id: p.id,
            specs: JSON.stringify(s.specs),
            price_fen: s.priceFen,
            original_price_fen: s.originalPriceFen ?? null,
            stock: s.stock,
            sort: i,
          })),
        ),
      )
      .onConflict((oc) => oc.doNothing())
      .execute();
    await tx
      .insertInto('banners')
      .values(
        store.banners.map((b) => ({
          id: b.id,
          store_id: store.id,
          title: b.title,
          subtitle: b.subtitle,
          image: bannerImagePath(b.id),
          art: JSON.stringify(b.art),
          link: b.link,
          sort: b.sort,
        })),
      )
      .onConflict((oc) => oc.doNothing())
      .execute();
    await tx
      .insertInto('staff')
      .values(DEMO_STAFF.map((s) => ({ store_id: store.id, openid: s.openid, role: s.role, revoked_at: null })))
      .onConflict((oc) => oc.doNothing())
      .execute();
    if (store.id === demoStore.id) await seedCouponTemplates(tx, store.id);
    // demo group-buy campaigns.
    if (store.id === demoStore.id) await seedGroupbuyCampaigns(tx, store.id);
    // every store gets the friend gift template the referral defaults point at.
    await seedCouponTemplates(tx, store.id, REFERRAL_COUPON_TEMPLATES);
    // the demo brand's shops, their welcome gift, and the demo staff's shop and advisor code.
    if (store.id === demoStore.id) await seedDemoShops(tx, store.id);
    // Coupons advisors may issue and the demo advisors' monthly budgets.
    if (store.id === demoStore.id) await seedAdvisorDemo(tx, store.id);
    // A demo freight template (no product under it yet).
    if (store.id === demoStore.id) await seedFreightTemplates(tx, store.id);
  });
}
