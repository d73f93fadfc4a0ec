/**
 * What a staff member types ("88", "88.8", "88.00") as integer fen, by string operations only (no
 * floats); null when it is not an amount of at most two decimals.
 */
export function yuanInputToFen(text: string): number | null {
  const m = /^(\d{1,7})(?:\.(\d{0,2}))?$/.exec(text.trim());
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}
