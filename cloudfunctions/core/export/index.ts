/** export's front door: reconciliation reports (orders, refunds, payments, members, points) as CSV or XLSX. */
export { exportReport, writeReport, EXPORT_PAGE_ROWS } from './export.service';
export { exportRange, EXPORT_MAX_DAYS } from './domain/date-range';
