import type { Generated } from 'kysely';

/** Shops (门店), member origins, advisors and welcome gifts (0012_shops_advisors.sql). */
export interface ShopTables {
  shops: {
    id: string;
    store_id: string;
    code: string;
    name: string;
    address: Generated<string>;
    hours: Generated<string>;
    phone: Generated<string>;
    latitude: number | null;
    longitude: number | null;
    welcome_template_id: string | null;
    active: Generated<boolean>;
    created_at: Date;
  };
  member_origins: {
    member_id: string;
    store_id: string;
    shop_id: string;
    advisor_openid: string | null;
    scene: string;
    created_at: Date;
  };
  member_advisors: {
    member_id: string;
    store_id: string;
    shop_id: string;
    /** null: the shop's pool (no personal advisor). */
    advisor_openid: string | null;
    bound_at: Date;
    updated_at: Date;
    updated_by: string | null;
  };
  welcome_gifts: {
    member_id: string;
    shop_id: string;
    coupon_id: string;
    granted_at: Date;
  };
}
