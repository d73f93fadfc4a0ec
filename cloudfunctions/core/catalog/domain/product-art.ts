/**
 * Locally generated product imagery: flat, calm "studio shots" drawn as SVG from a hue and a package shape.
 * Nothing is fetched from the internet; the seed turns each product's `art` into a few SVG files.
 *
 * The output is deliberately plain SVG 1.1: attributes only (no <style>, no classes — WeChat's image
 * component ignores them), hex colours, no percentage units, no external references.
 */

import { CJK_FONT, escapeXml, LATIN_FONT, n, palette, r2, WORDMARK, type Palette } from './art-style';
import { drawPack, leafPath } from './art-pack';

export type ArtShape = 'bottle' | 'dropper' | 'jar' | 'tube' | 'pump' | 'sachet' | 'box' | 'leaf';

export interface ProductArt {
  /** Base hue, 0-359. */
  hue: number;
  shape: ArtShape;
  /** Short text printed on the package, e.g. 'HA' or '01'. */
  label?: string;
}

export const ART_SHAPES: readonly ArtShape[] = ['bottle', 'dropper', 'jar', 'tube', 'pump', 'sachet', 'box', 'leaf'];

// ---------- shared defs ----------

function defs(p: Palette, bgAngle: 'v' | 'd'): string {
  const [x2, y2] = bgAngle === 'v' ? ['0', '1'] : ['1', '1'];
  return (
    `<defs>` +
    `<linearGradient id="bg" x1="0" y1="0" x2="${x2}" y2="${y2}">` +
    `<stop offset="0" stop-color="${p.bgTop}"/><stop offset="1" stop-color="${p.bgBottom}"/></linearGradient>` +
    `<linearGradient id="gb" x1="0" y1="0" x2="1" y2="0">` +
    `<stop offset="0" stop-color="${p.bodyLight}"/><stop offset="0.45" stop-color="${p.body}"/>` +
    `<stop offset="1" stop-color="${p.bodyShade}"/></linearGradient>` +
    `<radialGradient id="sh" cx="0.5" cy="0.5" r="0.5">` +
    `<stop offset="0" stop-color="${p.ink}" stop-opacity="0.3"/><stop offset="1" stop-color="${p.ink}" stop-opacity="0"/>` +
    `</radialGradient></defs>`
  );
}

function shadow(cx: number, cy: number, rx: number, ry = 22): string {
  return `<ellipse cx="${n(cx)}" cy="${n(cy)}" rx="${n(rx)}" ry="${n(ry)}" fill="url(#sh)"/>`;
}

function sprig(x: number, y: number, rot: number, colour: string, scale = 1): string {
  return (
    `<g transform="translate(${n(x)} ${n(y)}) rotate(${rot}) scale(${scale})" fill="${colour}">` +
    `<rect x="-1.5" y="-190" width="3" height="190" rx="1.5"/>` +
    `<path d="${leafPath(70)}" transform="translate(0 -60) rotate(-50)"/>` +
    `<path d="${leafPath(64)}" transform="translate(0 -100) rotate(48)"/>` +
    `<path d="${leafPath(56)}" transform="translate(0 -140) rotate(-46)"/>` +
    `<path d="${leafPath(50)}" transform="translate(0 -188) rotate(8)"/></g>`
  );
}

function svgOpen(width: number, height: number, vbW: number, vbH: number): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${width}px" height="${height}px" ` +
    `viewBox="0 0 ${vbW} ${vbH}">`
  );
}

function dim(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? Math.round(value) : fallback;
}

// ---------- public renderers ----------

/**
 * Renders a product picture: a soft gradient background and a stylised package of the given shape with the
 * brand wordmark and label. variant 1..3 changes the composition so a product has several images:
 * 1 front shot on a plain backdrop, 2 tilted over a sun disc with a sprig, 3 on a plinth before an arch.
 */
export function renderProductArt(art: ProductArt, variant: number, opts?: { width?: number; height?: number }): string {
  const p = palette(art.hue);
  const pack = drawPack(art, p);
  const v = ((((Math.round(Number.isFinite(variant) ? variant : 1) - 1) % 3) + 3) % 3) + 1;
  const fit = (box: number) => Math.min(box / pack.height, (box * 0.9) / pack.width, 1.55);
  let body: string;
  if (v === 1) {
    const s = fit(500);
    body =
      defs(p, 'v') +
      `<rect width="750" height="750" fill="url(#bg)"/>` +
      `<rect y="600" width="750" height="150" fill="${p.plinth}" opacity="0.5"/>` +
      shadow(375, 604, (pack.width * s) / 2 + 50) +
      `<g transform="translate(375 604) scale(${r2(s)})">${pack.svg}</g>`;
  } else if (v === 2) {
    const s = fit(400);
    body =
      defs(p, 'd') +
      `<rect width="750" height="750" fill="url(#bg)"/>` +
      `<circle cx="430" cy="330" r="230" fill="${p.disc}"/>` +
      sprig(560, 640, 18, p.leaf, 1.1) +
      shadow(345, 622, (pack.width * s) / 2 + 60, 20) +
      `<g transform="translate(345 618) rotate(-7) scale(${r2(s)})">${pack.svg}</g>`;
  } else {
    const s = fit(330);
    body =
      defs(p, 'v') +
      `<rect width="750" height="750" fill="url(#bg)"/>` +
      `<path d="M195 560V300A180 180 0 0 1 555 300V560Z" fill="${p.disc}"/>` +
      `<rect x="165" y="560" width="420" height="110" fill="${p.plinth}"/>` +
      `<ellipse cx="375" cy="670" rx="210" ry="30" fill="${p.plinth}"/>` +
      `<ellipse cx="375" cy="560" rx="210" ry="30" fill="${p.plinthTop}"/>` +
      sprig(130, 700, -14, p.leaf, 0.9) +
      shadow(375, 566, (pack.width * s) / 2 + 30, 16) +
      `<g transform="translate(375 566) scale(${r2(s)})">${pack.svg}</g>`;
  }
  return svgOpen(dim(opts?.width, 750), dim(opts?.height, 750), 750, 750) + body + `</svg>`;
}

/** A 750x320 banner: the title and subtitle on the left, the package on the right. */
export function renderBannerArt(art: ProductArt, title: string, subtitle: string): string {
  const p = palette(art.hue);
  const pack = drawPack(art, p);
  const s = Math.min(230 / pack.height, 210 / pack.width, 1);
  // Text column is about 440 units wide; CJK glyphs are roughly one em wide, Latin about half.
  const ems = (t: string) => Array.from(t).reduce((w, c) => w + (c.charCodeAt(0) > 0x2e7f ? 1 : 0.55), 0);
  const titleSize = Math.max(26, Math.min(44, Math.floor(440 / Math.max(1, ems(title)))));
  const subSize = Math.max(16, Math.min(24, Math.floor(440 / Math.max(1, ems(subtitle)))));
  return (
    svgOpen(750, 320, 750, 320) +
    defs(p, 'd') +
    `<rect width="750" height="320" fill="url(#bg)"/>` +
    `<circle cx="610" cy="160" r="140" fill="${p.disc}"/>` +
    sprig(712, 336, 26, p.leaf, 0.75) +
    `<text x="56" y="88" font-family="${LATIN_FONT}" font-size="16" font-weight="600" letter-spacing="6" fill="${p.accent}">${WORDMARK}</text>` +
    `<text x="56" y="${n(112 + titleSize)}" font-family="${CJK_FONT}" font-size="${titleSize}" font-weight="600" fill="${p.ink}">${escapeXml(title)}</text>` +
    `<text x="56" y="${n(136 + titleSize + subSize)}" font-family="${CJK_FONT}" font-size="${subSize}" fill="${p.ink}" opacity="0.72">${escapeXml(subtitle)}</text>` +
    `<rect x="56" y="${n(164 + titleSize + subSize)}" width="48" height="3" rx="1.5" fill="${p.accent}"/>` +
    shadow(610, 286, (pack.width * s) / 2 + 36, 12) +
    `<g transform="translate(610 284) scale(${r2(s)})">${pack.svg}</g>` +
    `</svg>`
  );
}

/** A 120x120 category icon: the package silhouette, without text, on a tinted disc. */
export function renderCategoryIcon(art: ProductArt): string {
  const p = palette(art.hue);
  const pack = drawPack(art, p, false);
  const s = Math.min(76 / pack.height, 76 / pack.width);
  return (
    svgOpen(120, 120, 120, 120) +
    defs(p, 'v') +
    `<circle cx="60" cy="60" r="58" fill="url(#bg)"/>` +
    `<g transform="translate(60 ${n(60 + (pack.height * s) / 2)}) scale(${Math.round(s * 1000) / 1000})">${pack.svg}</g>` +
    `</svg>`
  );
}

/** Width and height of a chat share card cover: WeChat shows the picture at 5:4. */
export const SHARE_COVER_SIZE = { width: 500, height: 400 } as const;

/**
 * A 500x400 (5:4) share card cover: the package large on the right, the wordmark and up to two short
 * lines on the left. WeChat crops anything else to 5:4, which would cut a square product shot.
 */
export function renderShareCover(art: ProductArt, title: string, subtitle = ''): string {
  const { width: W, height: H } = SHARE_COVER_SIZE;
  const p = palette(art.hue);
  const pack = drawPack(art, p);
  const s = Math.min(300 / pack.height, 190 / pack.width, 1.3);
  const ems = (t: string) => Array.from(t).reduce((w, c) => w + (c.charCodeAt(0) > 0x2e7f ? 1 : 0.55), 0);
  const cut = (t: string, max: number) =>
    Array.from(t).length > max
      ? `${Array.from(t)
          .slice(0, max - 1)
          .join('')}…`
      : t;
  const line1 = cut(title, 9);
  const titleSize = Math.max(26, Math.min(40, Math.floor(250 / Math.max(1, ems(line1)))));
  const line2 = cut(subtitle, 12);
  return (
    svgOpen(W, H, W, H) +
    defs(p, 'd') +
    `<rect width="${W}" height="${H}" fill="url(#bg)"/>` +
    `<circle cx="360" cy="190" r="150" fill="${p.disc}"/>` +
    `<rect y="330" width="${W}" height="70" fill="${p.plinth}" opacity="0.5"/>` +
    sprig(470, 420, 24, p.leaf, 0.8) +
    `<text x="32" y="72" font-family="${LATIN_FONT}" font-size="16" font-weight="600" letter-spacing="6" fill="${p.accent}">${WORDMARK}</text>` +
    `<text x="32" y="${n(110 + titleSize)}" font-family="${CJK_FONT}" font-size="${titleSize}" font-weight="600" fill="${p.ink}">${escapeXml(line1)}</text>` +
    (line2
      ? `<text x="32" y="${n(140 + titleSize + 20)}" font-family="${CJK_FONT}" font-size="20" fill="${p.ink}" opacity="0.72">${escapeXml(line2)}</text>`
      : '') +
    `<rect x="32" y="${n(170 + titleSize + 20)}" width="44" height="3" rx="1.5" fill="${p.accent}"/>` +
    shadow(360, 336, (pack.width * s) / 2 + 40, 16) +
    `<g transform="translate(360 334) scale(${r2(s)})">${pack.svg}</g>` +
    `</svg>`
  );
}
