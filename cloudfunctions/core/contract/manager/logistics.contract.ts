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

export interface ExportReportResult {
  kind: ExportKind;
  format: 'csv' | 'xlsx';
  fileName: string;
  /** A download link (temporary on WeChat Cloud: valid about a day). */
  url: string;
  rows: number;
  bytes: number;
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
  /** A report over whole Shanghai days `from`..`to` (inclusive), at most 366 of them. */
  'manager.exportReport': action<ExportReportResult>()({
    input: z.object({ kind: z.enum(EXPORT_KINDS), from: day, to: day, format: z.enum(['csv', 'xlsx']) }).strict(),
    role: 'manager',
    mutating: true,
  }),
} as const;
