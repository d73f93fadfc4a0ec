/**
 * The manager's actions (the `manager` function), one file per concept: orders and refunds, the
 * catalog, promotions (coupon templates, group-buy campaigns), the staff and their audit log, shops
 * and advisors, dashboards and the nudge log.
 */
import { managerCatalogActions } from './catalog.contract';
import { managerCatalogEditorActions } from './catalog-editor.contract';
import { managerDashboardActions } from './dashboard.contract';
import { managerFreightActions } from './freight.contract';
import { managerHomePageActions } from './home-page.contract';
import { managerOrderActions } from './orders.contract';
import { managerPromotionActions } from './promotions.contract';
import { managerShopActions } from './shops.contract';
import { managerStaffActions } from './staff.contract';
import { managerSettingsActions, storeServiceActions } from './settings.contract';
import { managerLogisticsActions } from './logistics.contract';

export type * from './catalog.contract';
export type * from './catalog-editor.contract';
export type * from './dashboard.contract';
export type * from './freight.contract';
export type * from './home-page.contract';
export type * from './orders.contract';
export type * from './promotions.contract';
export type * from './shops.contract';
export type * from './staff.contract';
export type * from './settings.contract';
export type * from './logistics.contract';

export const managerActions = {
  ...managerOrderActions,
  ...managerCatalogActions,
  ...managerCatalogEditorActions,
  ...managerPromotionActions,
  ...managerStaffActions,
  ...managerShopActions,
  ...managerDashboardActions,
  ...managerFreightActions,
  ...managerHomePageActions,
  ...managerSettingsActions,
  ...storeServiceActions,
  ...managerLogisticsActions,
} as const;
