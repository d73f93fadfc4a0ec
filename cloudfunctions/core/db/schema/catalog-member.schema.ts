import type { ColumnType, Generated } from 'kysely';

/** Stores, catalog, tiers, members, staff and idempotency (0001_init.sql). */
export interface CatalogMemberTables {
  schema_migrations: { version: string; applied_at: Generated<Date> };
  stores: {
    id: string;
    name: string;
    slogan: Generated<string>;
    /** Where 退货退款 goods go back (0029); empty: ask the store. */
    return_address: Generated<string>;
    created_at: Generated<Date>;
  };
  categories: {
    id: string;
    store_id: string;
    name: string;
    icon: string;
    art: unknown | null;
    sort: Generated<number>;
    active: Generated<boolean>;
  };
  products: {
    id: string;
    store_id: string;
    category_id: string;
    title: string;
    subtitle: Generated<string>;
    description: Generated<string>;
    images: ColumnType<string[], string, string>;
    art: ColumnType<unknown | null, string | null, string | null>;
    repurchase_cycle_days: number;
    fulfilment: Array<'express' | 'pickup'>;
    tags: Generated<string[]>;
    featured: Generated<boolean>;
    sort: Generated<number>;
    status: Generated<'on_sale' | 'off_shelf'>;
    /** The freight template express is priced by (0030); null: the store's default rule. */
    freight_template_id: string | null;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
    /** 0032: the detail's blocks (paragraphs and images), the shelf schedule, soft deletion, edit version. */
    detail: ColumnType<unknown, string | undefined, string>;
    on_shelf_at: Generated<Date | null>;
    off_shelf_at: Generated<Date | null>;
    deleted_at: Generated<Date | null>;
    version: Generated<number>;
  };
  skus: {
    id: string;
    product_id: string;
    specs: ColumnType<Record<string, string>, string, string>;
    price_fen: number;
    original_price_fen: number | null;
    stock: number;
    /** Shipping weight of one unit, for weight-priced freight templates (0030). */
    weight_grams: Generated<number>;
    sort: Generated<number>;
    active: Generated<boolean>;
    /** 0032: barcode (empty: none) and the SKU's own picture (null: the product's first image). */
    barcode: Generated<string>;
    image: Generated<string | null>;
    /** 0041: the SKU's own 会员价 (null: the tier's percentage). */
    member_price_fen: Generated<number | null>;
  };
  banners: {
    id: string;
    store_id: string;
    title: string;
    subtitle: Generated<string>;
    image: string;
    art: ColumnType<unknown | null, string | null, string | null>;
    link: string;
    sort: Generated<number>;
    active: Generated<boolean>;
    /** The typed link a tap opens and the schedule (0033_home_page.sql). */
    link_kind: 'product' | 'category' | 'campaign' | 'page' | null;
    link_id: string | null;
    starts_at: Date | null;
    ends_at: Date | null;
    updated_at: Date | null;
  };
  tiers: {
    store_id: string;
    code: string;
    name: string;
    min_growth: number;
    benefits: ColumnType<Record<string, unknown>, string, string>;
  };
  members: {
    id: string;
    store_id: string;
    openid: string;
    nickname: string;
    avatar_url: string | null;
    tier_code: string;
    points_balance: Generated<number>;
    growth: Generated<number>;
    invite_code: string;
    created_at: Generated<Date>;
    // 0005_member_profile.sql. `birthday` is a SQL date and drivers disagree on reading one (pg: a
    // local-midnight Date), so repositories read it with to_char(birthday, 'YYYY-MM-DD').
    birthday: ColumnType<unknown, string | null, string | null>;
    phone: string | null;
    phone_country: string | null;
    // 0025_member_card_number.sql: eight digits from a sequence.
    card_no: Generated<string>;
  };
  staff: {
    store_id: string;
    openid: string;
    role: 'staff' | 'manager';
    created_at: Generated<Date>;
    revoked_at: Date | null;
    /** 0009_staff.sql. */
    invited_by: Generated<string | null>;
    revoked_by: Generated<string | null>;
    /** 0012_shops_advisors.sql: the shop they serve, their advisor code, their shown name. */
    shop_id: Generated<string | null>;
    code: Generated<string | null>;
    display_name: Generated<string | null>;
    /** 0014_advisor_budgets.sql: standing monthly coupon budget in fen of face value. */
    monthly_budget_fen: Generated<number>;
  };
  idempotency_keys: {
    scope: string;
    key: string;
    request_hash: string;
    response: ColumnType<unknown, string | null, string | null>;
    created_at: Generated<Date>;
  };
}
