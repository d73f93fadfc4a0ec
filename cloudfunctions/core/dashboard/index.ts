/** dashboard's front door: what other contexts and the composition root may use (nothing else is reachable from outside). */
export { getDashboard } from './dashboard.service';
export { managerSummary } from './summary.service';
