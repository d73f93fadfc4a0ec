/** shop's front door: what other contexts and the composition root may use (nothing else is reachable from outside). */
export { activeShops, attributionColumns, findActiveShop, findStaffShopId } from './repo/shop.repo';
export { myAdvisorCode, shopCodes } from './shop-codes.service';
export { myShop, welcome } from './shop.service';
export { pickupShopsById, pickupShopsFor } from './pickup-shops.service';
export { listShops, saveShop, setShopOpen } from './shop-admin.service';
