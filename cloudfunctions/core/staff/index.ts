/** staff's front door: what other contexts and the composition root may use (nothing else is reachable from outside). */
export { listAudit, withAuditLog } from './audit.service';
export { awardPoints, redeemCoupon, scanMemberCode, staffSession } from './counter.service';
export { bindStaff, createStaffInvite, listStaff, revokeStaff, revokeStaffInvite } from './staff-binding.service';
export { setStaffShop } from './staff-shop.service';
export { setMyName, setStaffName } from './staff-name.service';
