import type { Executor } from '../db';
import type { SeedCouponTemplate } from './coupon-templates.data';
import { seedCouponTemplates } from './coupon-templates.data';

/** Issuer-only welcome gift a shop's code gives a new visitor. */
const SHOP_WELCOME_TEMPLATES: SeedCouponTemplate[] = [
  {
    id: 'ct-shop-welcome-20',
    title: '到店礼 无门槛20元',
    kind: 'no_threshold',
    args: { amountFen: 2000 },
    scope: 'all',
    validDays: 30,
    total: 1000000,
    perMemberLimit: 1,
    claimable: false,
    sort: 940,
  },
];

/** The demo brand's two counters; demo-staff serves the first and carries advisor code DEMOSTAFF. */
const DEMO_SHOPS = [
  {
    id: 'shop-jingan',
    code: 'QHJA',
    name: '青禾 静安嘉里中心店',
    address: '上海市静安区南京西路1515号嘉里中心B1',
    hours: '10:00-22:00',
    phone: '02152981234',
    latitude: 31.2243,
    longitude: 121.4466,
    welcomeTemplateId: 'ct-shop-welcome-20',
  },
  {
    id: 'shop-xuhui',
    code: 'QHXH',
    name: '青禾 徐汇美罗城店',
    address: '上海市徐汇区肇嘉浜路1111号美罗城2F',
    hours: '10:00-21:30',
    phone: '02164261234',
    latitude: 31.1946,
    longitude: 121.4365,
    welcomeTemplateId: 'ct-shop-welcome-20',
  },
] as const;

const DEMO_STAFF_SHOPS: Record<string, { shopId: string; code: string; displayName: string }> = {
  'demo-staff': { shopId: 'shop-jingan', code: 'DEMOSTAFF', displayName: '小禾' },
  'demo-manager': { shopId: 'shop-jingan', code: 'DEMOMGR', displayName: '店长阿青' },
};

/** Adds the demo shops and places the demo staff in them; rows that exist are left alone. */
export async function seedDemoShops(tx: Executor, storeId: string): Promise<void> {
  await seedCouponTemplates(tx, storeId, SHOP_WELCOME_TEMPLATES);
  await tx
    .insertInto('shops')
    .values(
      DEMO_SHOPS.map((s) => ({
        id: s.id,
        store_id: storeId,
        code: s.code,
        name: s.name,
        address: s.address,
        hours: s.hours,
        phone: s.phone,
        latitude: s.latitude,
        longitude: s.longitude,
        welcome_template_id: s.welcomeTemplateId,
        created_at: new Date('2026-01-01T00:00:00+08:00'),
      })),
    )
    .onConflict((oc) => oc.doNothing())
    .execute();
  for (const [openid, s] of Object.entries(DEMO_STAFF_SHOPS)) {
    await tx
      .updateTable('staff')
      .set({ shop_id: s.shopId, code: s.code, display_name: s.displayName })
      .where('store_id', '=', storeId)
      .where('openid', '=', openid)
      .where('shop_id', 'is', null)
      .execute();
  }
}
