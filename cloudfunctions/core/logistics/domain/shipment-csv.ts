/**
 * A shipping spreadsheet as text: one parcel a line, `order number, carrier, tracking number`, comma-
 * or tab-separated (what Excel saves as CSV and what a paste from a sheet gives), with or without a
 * header line, fields optionally in double quotes.
 */
export const SHIPMENT_CSV_MAX_ROWS = 500;

export interface ShipmentRow {
  /** 1-based line in the text, as the manager sees it in the file. */
  line: number;
  orderNo: string;
  carrier: string;
  trackingNo: string;
}

export type ParsedShipments =
  | { ok: true; rows: ShipmentRow[]; malformed: Array<{ line: number; text: string }> }
  | { ok: false; reason: 'EMPTY' | 'TOO_MANY_ROWS'; rows: number };

/** Splits one line into fields: `,` or tab, `"a, b"` quoted, `""` an escaped quote. */
export function splitCsvLine(line: string): string[] {
  const sep = line.includes('\t') && !line.includes(',') ? '\t' : ',';
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (ch === sep) {
      fields.push(field.trim());
      field = '';
    } else field += ch;
  }
  fields.push(field.trim());
  return fields;
}

const HEADER_WORDS = /订单|单号|快递|物流|carrier|order|tracking/i;

/** A first line that names columns rather than an order: no digit in its first field, a column word in it. */
function isHeader(fields: string[]): boolean {
  return !/\d/.test(fields[0] ?? '') && fields.some((f) => HEADER_WORDS.test(f));
}

export function parseShipmentCsv(text: string): ParsedShipments {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const rows: ShipmentRow[] = [];
  const malformed: Array<{ line: number; text: string }> = [];
  let seenFirst = false;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    if (raw.trim() === '') continue;
    const fields = splitCsvLine(raw);
    if (!seenFirst) {
      seenFirst = true;
      if (isHeader(fields)) continue;
    }
    const [orderNo = '', carrier = '', trackingNo = ''] = fields;
    if (!orderNo || !carrier || !trackingNo || fields.slice(3).some((f) => f !== '')) {
      malformed.push({ line: i + 1, text: raw.slice(0, 80) });
    } else rows.push({ line: i + 1, orderNo, carrier, trackingNo });
    if (rows.length + malformed.length > SHIPMENT_CSV_MAX_ROWS)
      return { ok: false, reason: 'TOO_MANY_ROWS', rows: rows.length + malformed.length };
  }
  if (rows.length + malformed.length === 0) return { ok: false, reason: 'EMPTY', rows: 0 };
  return { ok: true, rows, malformed };
}
