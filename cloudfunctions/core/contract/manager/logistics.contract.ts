/** 发货 from a list of carriers, 批量发货 from a spreadsheet, and 数据导出 for reconciliation. */
import { z } from 'zod';
import { action } from '../action';

export interface CarrierView {
  /** The tracking provider's code (`shunfeng`). */
  code: string;
  /** Shown, and stored on the order (`顺丰速运`). */
  name: string;
}

export type ShipmentRowOutcome =
  | 'shipped'
  | 'already_shipped'
  | 'shipped_other'
  | 'not_found'
  | 'not_paid'
  | 'not_express'
  | 'bad_carrier'
  | 'bad_tracking_no'
  | 'duplicate_row'
  | 'malformed';

/** One line of the file and what shipping it did, worded for the manager. */
export interface ShipmentRowResult {
  line: number;
  orderNo: string;
  carrier: string;
  trackingNo: string;
  outcome: ShipmentRowOutcome;
  message: string;
}

export interface ShipmentImportResult {
  rows: ShipmentRowResult[];
  /** How many rows ended in each outcome. */
  counts: Partial<Record<ShipmentRowOutcome, number>>;
}

export const EXPORT_KINDS = ['orders', 'refunds', 'payments', 'members', 'points'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export type ExportJobStatus = 'queued' | 'running' | 'done' | 'failed';

/** A report requested by a manager: built in the background by the exportWorker timer, kept 7 days. */
export interface ExportJobView {
  jobId: string;
  kind: ExportKind;
  format: 'csv' | 'xlsx';
  /** The Shanghai days requested, both included. */
  from: string;
  to: string;
  status: ExportJobStatus;
  /** Set once done. */
  rows: number | null;
  bytes: number | null;
  fileName: string | null;
  /** Why it failed, for the manager (failed only). */
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
  /** When the file and the job are deleted. */
  expiresAt: string;
}

/** A fresh, short-lived link to a finished report, answered only to a manager of its store. */
export interface ExportDownload {
  url: string;
  fileName: string;
  format: 'csv' | 'xlsx';
}

/** The longest pasted file: 500 lines of order number, carrier and tracking number fit well within it. */
const SHIPMENT_CSV_MAX_CHARS = 60_000;

const day = z.string().regex(/^\d{4}-\d\d-\d\d$/, 'a Shanghai day, YYYY-MM-DD');

export const managerLogisticsActions = {
  'manager.listCarriers': action<{ items: CarrierView[] }>()({ input: z.object({}).strict(), role: 'manager' }),
  'manager.importShipments': action<ShipmentImportResult>()({
    input: z.object({ csv: z.string().min(1).max(SHIPMENT_CSV_MAX_CHARS) }).strict(),
    role: 'manager',
    mutating: true,
  }),
  /**
   * Queues a report over whole Shanghai days `from`..`to` (inclusive), at most 366 of them, and answers
   * the job at once; the file is built in the background (see manager.listExports).
   */
  'manager.exportReport': action<ExportJobView>()({
    input: z.object({ kind: z.enum(EXPORT_KINDS), from: day, to: day, format: z.enum(['csv', 'xlsx']) }).strict(),
    role: 'manager',
    mutating: true,
  }),
  /** The store's recent exports, newest first. */
  'manager.listExports': action<{ items: ExportJobView[] }>()({ input: z.object({}).strict(), role: 'manager' }),
  /** A fresh download link for a finished export of the caller's store. */
  'manager.exportDownload': action<ExportDownload>()({
    input: z.object({ jobId: z.string().min(1).max(64) }).strict(),
    role: 'manager',
  }),
} as const;
