/** export's front door: reconciliation reports (orders, refunds, payments, members, points) as CSV or XLSX. */
export { exportReport, writeReport } from './export.service';
