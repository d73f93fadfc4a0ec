/** export's front door: reconciliation reports (orders, refunds, payments, members, points) as CSV or XLSX, built as background jobs. */
export { writeReport } from './export.service';
export { exportDownload, exportReport, listExports } from './export-job.service';
export { runExportWorker } from './export-worker';
