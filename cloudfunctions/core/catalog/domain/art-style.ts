/**
 * The look every catalog drawing shares: colours derived from one hue, the wordmark and fonts, and
 * the number formatting and escaping that keep the SVG small and valid.
 */

export const WORDMARK = 'QINGHE';
export const LATIN_FONT = 'Helvetica Neue, Helvetica, Arial, sans-serif';
export const CJK_FONT = 'PingFang SC, Noto Sans CJK SC, sans-serif';

/** Escapes text for use in XML character data and attribute values. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

// ---------- colour ----------

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, n));
}

function normHue(hue: number): number {
  const h = Number.isFinite(hue) ? Math.round(hue) % 360 : 0;
  return h < 0 ? h + 360 : h;
}

/** HSL (h in degrees, s and l in 0..100) to #rrggbb. */
export function hsl(h: number, s: number, l: number): string {
  const sat = clamp(s, 0, 100) / 100;
  const lig = clamp(l, 0, 100) / 100;
  const k = (n: number) => (n + normHue(h) / 30) % 12;
  const a = sat * Math.min(lig, 1 - lig);
  const f = (n: number) => lig - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1)));
  const hex = (x: number) =>
    Math.round(x * 255)
      .toString(16)
      .padStart(2, '0');
  return `#${hex(f(0))}${hex(f(8))}${hex(f(4))}`;
}

export interface Palette {
  bgTop: string;
  bgBottom: string;
  disc: string;
  plinth: string;
  plinthTop: string;
  bodyLight: string;
  body: string;
  bodyShade: string;
  cap: string;
  capLight: string;
  panel: string;
  ink: string;
  accent: string;
  leaf: string;
}

export function palette(hue: number): Palette {
  const h = normHue(hue);
  return {
    bgTop: hsl(h, 26, 95),
    bgBottom: hsl(h, 20, 86),
    disc: hsl(h, 30, 90),
    plinth: hsl(h, 14, 90),
    plinthTop: hsl(h, 18, 96),
    bodyLight: hsl(h, 30, 86),
    body: hsl(h, 26, 74),
    bodyShade: hsl(h, 22, 62),
    cap: hsl(h, 16, 30),
    capLight: hsl(h, 12, 46),
    panel: hsl(h, 30, 98),
    ink: hsl(h, 22, 22),
    accent: hsl(h + 24, 34, 52),
    leaf: hsl(h + 12, 22, 60),
  };
}

export const n = (x: number) => String(Math.round(x * 10) / 10);
export const r2 = (x: number) => Math.round(x * 100) / 100;
