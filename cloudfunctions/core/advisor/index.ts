/** advisor's front door: what other contexts and the composition root may use (nothing else is reachable from outside). */
export { issueAdvisorCoupon, myBudget, setAdvisorBudget, setAdvisorTemplate } from './advisor-coupons.service';
export { handBackMembers, listAdvisors, listShopCustomers, reassignAdvisor } from './assignment.service';
export { customerDetail, myCustomers } from './customers.service';
export { lockActiveAdvisor } from './repo/binding.repo';
