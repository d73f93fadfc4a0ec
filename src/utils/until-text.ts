/** `2026.03.09 到期`: the Asia/Shanghai day of the last valid instant (UTC+8, no DST), for coupon lists. */
export function untilText(iso: string): string {
  const d = new Date(new Date(iso).getTime() - 1 + 8 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}.${pad(d.getUTCMonth() + 1)}.${pad(d.getUTCDate())} 到期`;
}
