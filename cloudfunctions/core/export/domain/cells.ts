/** A report column: its header and how one row's value is written. */
export type CellKind = 'text' | 'fen' | 'int' | 'time';

export interface Column<R> {
  header: string;
  kind: CellKind;
  width?: number;
  value: (row: R) => string | number | Date | null;
}

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** `2026-03-02 10:00:00`, Shanghai time: what an accountant's spreadsheet expects. */
export function shanghaiText(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/** Integer fen as yuan with two decimals, exactly (no float rounding): 1234 -> `12.34`, -5 -> `-0.05`. */
export function yuanText(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * A text cell a spreadsheet would run as a formula (`=HYPERLINK(...)` in a nickname) is written with a
 * leading apostrophe: CSV injection, OWASP's advice.
 */
export function safeText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One cell as CSV text. */
export function csvCell(kind: CellKind, value: string | number | Date | null): string {
  if (value === null || value === undefined) return '';
  let text: string;
  if (kind === 'fen') text = yuanText(Number(value));
  else if (kind === 'time') text = shanghaiText(value instanceof Date ? value : new Date(value));
  else if (kind === 'int') text = String(value);
  else text = safeText(String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
