import type { ActionName, ActionOutput } from './contract';
import type { ActionArgs } from './context';
import type { Result } from './errors';
import { getHome, getProduct, listProducts, quoteCart, searchHints, subscribeRestock } from './catalog';
import { listCart, removeFromCart, selectAllInCart, setCart } from './catalog';
import { getMyProfile } from './member';
import { grantSubscriptions } from './member';
import { createOrder, quoteOrder } from './order';
import { cancelOrder, confirmReceipt, previewPickup, readyForPickup, verifyPickup } from './order';
import { getOrder, listOrders, listStoreOrders, recordWechatReceipt } from './order';
import { payOrder } from './payment';
import { approveRefund, listRefunds, refundOrderAsManager, rejectRefund, requestRefund, retryRefund } from './order';
import { cancelRefund, listShopPickups, readyForPickupAtShop, reorder } from './order';

// @points-imports
import { pointsHistory } from './points';
// @coupon-imports
import { claimCoupon, listClaimable, memberCoupons } from './coupon';
import { usableCoupons } from './order';
// @member-imports
import { getMemberCode } from './member';
import { ackCelebration, bindPhone, getBenefits, updateProfile } from './member';
import { deleteMemberAddress, listAddressBook, listRegions, saveAddress, setDefaultAddress } from './member';
// repurchase nudges and dashboards
import { getDashboard } from './dashboard';
import { grantLongTermSubscriptions } from './nudge';
import { listNudgeMessages } from './nudge';

import { awardPoints, redeemCoupon, scanMemberCode, staffSession } from './staff';
import { bindStaff, createStaffInvite, listStaff, revokeStaff, revokeStaffInvite } from './staff';
import { listAudit, withAuditLog } from './staff';
import { managerListProducts, setProductStatus, updateSku } from './catalog';
import { deleteProduct, duplicateProduct, getEditorProduct, saveProduct } from './catalog';
import { deleteCategory, listManagerCategories, moveCategory, saveCategory, setCategoryHidden } from './catalog';
import { createCouponTemplate, listCouponTemplates, stopCouponTemplate } from './coupon';
// @groupbuy-imports
import { getCampaign, getTeam, listCampaigns } from './groupbuy';
import { createCampaign, listManagerCampaigns, stopCampaign } from './groupbuy';
// @referral-imports
import { attributeInvite } from './referral';
import { myInviteCard, myInvites } from './referral';
// @shop-imports
import { myShop, welcome } from './shop';
import { myAdvisorCode, shopCodes } from './shop';
// @advisor-imports
import { customerDetail, myCustomers } from './advisor';
import { issueAdvisorCoupon, myBudget, setAdvisorBudget, setAdvisorTemplate } from './advisor';
import { listAdvisors, listShopCustomers, reassignAdvisor } from './advisor';
import { setMyName, setStaffName, setStaffShop } from './staff';
import { managerSummary } from './dashboard';
import { quoteRefund } from './order';
// freight templates
import { deleteFreightTemplate, getFreightTemplate, listFreightTemplates } from './freight';
import { saveFreightTemplate, setProductFreight } from './freight';
// the home page and shops, edited by the manager
import { deleteBanner, listBanners, moveBanner, saveBanner } from './catalog';
import { deleteHomeSection, listHomeSections, moveHomeSection, saveHomeSection } from './catalog';
import { listShops, saveShop, setShopOpen } from './shop';
// store settings
import { getSettings, saveSettings, storeService } from './settings';
// logistics and exports
import { importShipments, listCarriers, orderTracking, shipOrderWithCarrier } from './logistics';
import { exportDownload, exportReport, listExports } from './export';

/** A use case as the dispatcher calls it: an action above `any` gets a signed-in member as its caller. */
export type Handler<N extends ActionName> = (args: ActionArgs<N>) => Promise<Result<ActionOutput<N>>>;

export type Handlers = { [N in ActionName]: Handler<N> };

/** Which use case serves each action. The type makes a contract action without a handler a compile error. */
const useCases: Handlers = {
  'catalog.home': getHome,
  'catalog.listProducts': listProducts,
  'catalog.getProduct': getProduct,
  'catalog.quoteCart': quoteCart,
  'catalog.searchHints': searchHints,
  'catalog.subscribeRestock': subscribeRestock,
  'catalog.cart.list': listCart,
  'catalog.cart.set': setCart,
  'catalog.cart.selectAll': selectAllInCart,
  'catalog.cart.remove': removeFromCart,
  'member.me': getMyProfile,
  'member.grantSubscriptions': grantSubscriptions,
  'order.quote': quoteOrder,
  'order.create': (args) => createOrder(args),
  'order.pay': payOrder,
  'order.get': getOrder,
  'order.list': listOrders,
  'order.cancel': cancelOrder,
  'order.confirmReceipt': confirmReceipt,
  'order.recordWechatReceipt': recordWechatReceipt,
  'order.requestRefund': requestRefund,
  'order.cancelRefund': cancelRefund,
  'order.reorder': reorder,
  'manager.listOrders': listStoreOrders,
  'manager.shipOrder': shipOrderWithCarrier,
  'manager.readyForPickup': readyForPickup,
  'manager.verifyPickup': verifyPickup,
  'manager.listRefunds': listRefunds,
  // @points-handlers
  'member.pointsHistory': pointsHistory,
  // @coupon-handlers
  'coupon.listClaimable': listClaimable,
  'member.claimCoupon': claimCoupon,
  'member.coupons': memberCoupons,
  'order.usableCoupons': usableCoupons,
  // @member-handlers
  'member.memberCode': getMemberCode,
  'member.updateProfile': updateProfile,
  'member.bindPhone': bindPhone,
  'member.benefits': getBenefits,
  'member.ackCelebration': ackCelebration,
  'member.address.list': listAddressBook,
  'member.address.save': saveAddress,
  'member.address.setDefault': setDefaultAddress,
  'member.address.delete': deleteMemberAddress,
  'member.address.regions': listRegions,
  'manager.refundOrder': refundOrderAsManager,
  'manager.approveRefund': approveRefund,
  'manager.retryRefund': retryRefund,
  'manager.rejectRefund': rejectRefund,
  // The counter, staff binding and the manager's tools.
  'staff.bind': bindStaff,
  'staff.session': staffSession,
  'staff.scanMemberCode': scanMemberCode,
  'staff.awardPoints': awardPoints,
  'staff.redeemCoupon': redeemCoupon,
  // The same use case as manager.verifyPickup: one rule for every pickup (and group-buy) order.
  'staff.verifyPickup': verifyPickup,
  'staff.previewPickup': previewPickup,
  'staff.listPickups': listShopPickups,
  'staff.readyForPickup': readyForPickupAtShop,
  'manager.createStaffInvite': createStaffInvite,
  'manager.listStaff': listStaff,
  'manager.revokeStaff': revokeStaff,
  'manager.revokeStaffInvite': revokeStaffInvite,
  'manager.setStaffShop': setStaffShop,
  'manager.setStaffName': setStaffName,
  'staff.setMyName': setMyName,
  'manager.summary': managerSummary,
  'manager.quoteRefund': quoteRefund,
  'manager.listProducts': managerListProducts,
  'manager.updateSku': updateSku,
  'manager.setProductStatus': setProductStatus,
  'manager.getProduct': getEditorProduct,
  'manager.saveProduct': saveProduct,
  'manager.duplicateProduct': duplicateProduct,
  'manager.deleteProduct': deleteProduct,
  'manager.listCategories': listManagerCategories,
  'manager.saveCategory': saveCategory,
  'manager.moveCategory': moveCategory,
  'manager.setCategoryHidden': setCategoryHidden,
  'manager.deleteCategory': deleteCategory,
  'manager.listCouponTemplates': listCouponTemplates,
  'manager.createCouponTemplate': createCouponTemplate,
  'manager.stopCouponTemplate': stopCouponTemplate,
  'manager.listAudit': listAudit,
  // @groupbuy-handlers
  'groupbuy.listCampaigns': listCampaigns,
  'groupbuy.getCampaign': getCampaign,
  'groupbuy.getTeam': getTeam,
  'manager.listCampaigns': listManagerCampaigns,
  'manager.createCampaign': createCampaign,
  'manager.stopCampaign': stopCampaign,
  'manager.dashboard': getDashboard,
  'manager.messages': listNudgeMessages,
  'member.grantLongTermSubscriptions': grantLongTermSubscriptions,
  // @referral-handlers
  'referral.myInviteCard': myInviteCard,
  'referral.attribute': attributeInvite,
  'referral.myInvites': myInvites,
  // @shop-handlers
  'shop.welcome': welcome,
  'shop.myShop': myShop,
  'shop.myAdvisorCode': myAdvisorCode,
  'manager.shopCodes': shopCodes,
  // @advisor-handlers
  'staff.myCustomers': myCustomers,
  'staff.customerDetail': customerDetail,
  'staff.issueCoupon': issueAdvisorCoupon,
  'staff.myBudget': myBudget,
  'manager.advisors': listAdvisors,
  'manager.setAdvisorBudget': setAdvisorBudget,
  'manager.reassignAdvisor': reassignAdvisor,
  'manager.shopCustomers': listShopCustomers,
  'manager.setAdvisorTemplate': setAdvisorTemplate,
  // freight templates
  'manager.listFreightTemplates': listFreightTemplates,
  'manager.getFreightTemplate': getFreightTemplate,
  'manager.saveFreightTemplate': saveFreightTemplate,
  'manager.deleteFreightTemplate': deleteFreightTemplate,
  'manager.setProductFreight': setProductFreight,
  // the home page and shops
  'manager.listBanners': listBanners,
  'manager.saveBanner': saveBanner,
  'manager.deleteBanner': deleteBanner,
  'manager.moveBanner': moveBanner,
  'manager.listHomeSections': listHomeSections,
  'manager.saveHomeSection': saveHomeSection,
  'manager.deleteHomeSection': deleteHomeSection,
  'manager.moveHomeSection': moveHomeSection,
  'manager.listShops': listShops,
  'manager.saveShop': saveShop,
  'manager.setShopOpen': setShopOpen,
  // store settings
  'manager.getSettings': getSettings,
  'manager.saveSettings': saveSettings,
  'catalog.storeService': storeService,
  // logistics and exports
  'order.tracking': orderTracking,
  'manager.listCarriers': listCarriers,
  'manager.importShipments': importShipments,
  'manager.exportReport': exportReport,
  'manager.listExports': listExports,
  'manager.exportDownload': exportDownload,
};

/** The use cases as dispatched: every staff and manager write also appends its audit row in its transaction. */
export const handlers: Handlers = withAuditLog(useCases);
