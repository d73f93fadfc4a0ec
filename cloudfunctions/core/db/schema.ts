import type { CatalogMemberTables } from './schema/catalog-member.schema';
import type { OrderTables } from './schema/order.schema';
import type { PointsTables } from './schema/points.schema';
import type { CouponTables } from './schema/coupon.schema';
import type { MemberCodeTables } from './schema/member-code.schema';
import type { MemberAddressTables } from './schema/member-address.schema';
import type { StaffTables } from './schema/staff.schema';
import type { GroupbuyTables } from './schema/groupbuy.schema';
import type { TimerRunTables } from './schema/timer-runs.schema';
import type { NudgeTables } from './schema/nudge.schema';
import type { ReferralTables } from './schema/referral.schema';
import type { ShopTables } from './schema/shop.schema';
import type { AdvisorTables } from './schema/advisor.schema';
import type { StockLedgerTables } from './schema/stock-ledger.schema';
import type { RateLimitTables } from './schema/rate-limit.schema';
import type { CartTables } from './schema/cart.schema';
import type { FreightTables } from './schema/freight.schema';
import type { HomePageTables } from './schema/home-page.schema';
import type { SettingsTables } from './schema/settings.schema';
import type { LogisticsTables } from './schema/logistics.schema';
import type { ExportTables } from './schema/export.schema';

/**
 * Table types for Kysely, one file per context under schema/ (kept in step with migrations/*.sql by
 * the integration tests); Kysely sees them as one database.
 */
export interface Database
  extends
    CatalogMemberTables,
    OrderTables,
    PointsTables,
    CouponTables,
    MemberCodeTables,
    MemberAddressTables,
    StaffTables,
    GroupbuyTables,
    TimerRunTables,
    NudgeTables,
    ReferralTables,
    ShopTables,
    AdvisorTables,
    StockLedgerTables,
    RateLimitTables,
    CartTables,
    FreightTables,
    HomePageTables,
    SettingsTables,
    LogisticsTables,
    ExportTables {}
