/**
 * Locally generated product imagery: flat, calm "studio shots" drawn as SVG from a hue and a package shape.
 * Nothing is fetched from the internet; the seed turns each product's `art` into a few SVG files.
 *
 * The output is deliberately plain SVG 1.1: attributes only (no <style>, no classes — WeChat's image
 * component ignores them), hex colours, no percentage units, no external references.
 */

export type ArtShape = 'bottle' | 'dropper' | 'jar' | 'tube' | 'pump' | 'sachet' | 'box' | 'leaf';

export interface ProductArt {
  /** Base hue, 0-359. */
  hue: number;
  shape: ArtShape;
  /** Short text printed on the package, e.g. 'HA' or '01'. */
  label?: string;
}

export const ART_SHAPES: readonly ArtShape[] = ['bottle', 'dropper', 'jar', 'tube', 'pump', 'sachet', 'box', 'leaf'];

const WORDMARK = 'QINGHE';
const LATIN_FONT = 'Helvetica Neue, Helvetica, Arial, sans-serif';
const CJK_FONT = 'PingFang SC, Noto Sans CJK SC, sans-serif';

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

interface Palette {
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

function palette(hue: number): Palette {
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

const n = (x: number) => String(Math.round(x * 10) / 10);
const r2 = (x: number) => Math.round(x * 100) / 100;

// ---------- packages ----------

interface Pack {
  /** Markup in local coordinates: origin at the bottom centre, the package rises into negative y. */
  svg: string;
  width: number;
  height: number;
}

function fitLabel(label: string | undefined, max = 6): string {
  return escapeXml(
    Array.from((label ?? '').trim())
      .slice(0, max)
      .join(''),
  );
}

/** The printed brand block: wordmark, hairline and label, centred on x = 0 with its top at y. */
function printBlock(p: Palette, y: number, width: number, label: string | undefined, scale = 1): string {
  const text = fitLabel(label);
  const wm = 15 * scale;
  let out =
    `<text x="0" y="${n(y + wm)}" font-family="${LATIN_FONT}" font-size="${n(wm)}" font-weight="600" ` +
    `letter-spacing="${n(4 * scale)}" text-anchor="middle" fill="${p.ink}">${WORDMARK}</text>` +
    `<rect x="${n(-width / 2)}" y="${n(y + wm + 10 * scale)}" width="${n(width)}" height="1.2" fill="${p.ink}" opacity="0.5"/>`;
  if (text) {
    const len = Array.from(text.replace(/&\w+;/g, '_')).length;
    const size = (len <= 3 ? 34 : len <= 4 ? 30 : len <= 5 ? 26 : 22) * scale;
    out +=
      `<text x="0" y="${n(y + wm + 18 * scale + size)}" font-family="${LATIN_FONT}" font-size="${n(size)}" ` +
      `font-weight="300" letter-spacing="${n(2 * scale)}" text-anchor="middle" fill="${p.ink}">${text}</text>`;
  }
  return out;
}

/** A soft vertical highlight strip on a package's left side. */
function gleam(x: number, y: number, h: number, w = 10): string {
  return `<rect x="${n(x)}" y="${n(y)}" width="${w}" height="${n(h)}" rx="${w / 2}" fill="#ffffff" opacity="0.45"/>`;
}

function leafPath(len: number): string {
  const w = len * 0.34;
  return `M0 0C${n(w)} ${n(-len * 0.3)} ${n(w * 0.7)} ${n(-len * 0.8)} 0 ${n(-len)}C${n(-w * 0.7)} ${n(-len * 0.8)} ${n(-w)} ${n(-len * 0.3)} 0 0Z`;
}

function drawPack(art: ProductArt, p: Palette, withText = true): Pack {
  const label = withText ? art.label : undefined;
  const text = (y: number, w: number, s = 1) => (withText ? printBlock(p, y, w, label, s) : '');
  switch (art.shape) {
    case 'bottle':
      return {
        width: 170,
        height: 440,
        svg:
          `<rect x="-34" y="-368" width="68" height="40" fill="${p.capLight}"/>` +
          `<rect x="-42" y="-440" width="84" height="80" rx="8" fill="${p.cap}"/>` +
          `<rect x="-85" y="-340" width="170" height="340" rx="28" fill="url(#gb)"/>` +
          gleam(-68, -316, 270) +
          (withText
            ? `<rect x="-60" y="-250" width="120" height="118" rx="3" fill="${p.panel}" opacity="0.92"/>`
            : '') +
          text(-236, 80),
      };
    case 'dropper':
      return {
        width: 150,
        height: 380,
        svg:
          `<rect x="-26" y="-380" width="52" height="96" rx="26" fill="${p.cap}"/>` +
          `<rect x="-40" y="-292" width="80" height="48" rx="5" fill="${p.capLight}"/>` +
          `<rect x="-40" y="-292" width="80" height="6" fill="#ffffff" opacity="0.25"/>` +
          `<rect x="-75" y="-250" width="150" height="250" rx="24" fill="url(#gb)"/>` +
          gleam(-60, -228, 200) +
          (withText
            ? `<rect x="-54" y="-180" width="108" height="110" rx="3" fill="${p.panel}" opacity="0.92"/>`
            : '') +
          text(-168, 70),
      };
    case 'jar':
      return {
        width: 290,
        height: 230,
        svg:
          `<rect x="-136" y="-162" width="272" height="162" rx="34" fill="url(#gb)"/>` +
          gleam(-116, -130, 100, 12) +
          `<rect x="-145" y="-230" width="290" height="78" rx="14" fill="${p.cap}"/>` +
          `<rect x="-145" y="-170" width="290" height="8" fill="#000000" opacity="0.12"/>` +
          `<rect x="-120" y="-222" width="240" height="5" rx="2.5" fill="#ffffff" opacity="0.2"/>` +
          text(-120, 80, 1),
      };
    case 'tube':
      return {
        width: 190,
        height: 450,
        svg:
          `<rect x="-95" y="-450" width="190" height="34" rx="4" fill="${p.bodyShade}"/>` +
          `<rect x="-95" y="-440" width="190" height="2" fill="#ffffff" opacity="0.35"/>` +
          `<rect x="-95" y="-430" width="190" height="2" fill="#ffffff" opacity="0.35"/>` +
          `<path d="M-92 -418H92L62 -66H-62Z" fill="url(#gb)"/>` +
          `<path d="M-76 -404L-70 -404L-46 -90L-50 -90Z" fill="#ffffff" opacity="0.45"/>` +
          `<rect x="-56" y="-70" width="112" height="70" rx="10" fill="${p.cap}"/>` +
          `<rect x="-48" y="-64" width="6" height="58" rx="3" fill="#ffffff" opacity="0.2"/>` +
          text(-336, 90, 1.15),
      };
    case 'pump':
      return {
        width: 190,
        height: 410,
        svg:
          `<rect x="-10" y="-380" width="20" height="44" fill="${p.capLight}"/>` +
          `<rect x="-44" y="-410" width="88" height="32" rx="8" fill="${p.cap}"/>` +
          `<rect x="30" y="-404" width="76" height="14" rx="7" fill="${p.cap}"/>` +
          `<rect x="-34" y="-344" width="68" height="44" rx="6" fill="${p.cap}"/>` +
          `<rect x="-82" y="-312" width="164" height="312" rx="42" fill="url(#gb)"/>` +
          gleam(-64, -282, 240) +
          (withText
            ? `<rect x="-58" y="-230" width="116" height="116" rx="3" fill="${p.panel}" opacity="0.92"/>`
            : '') +
          text(-216, 78),
      };
    case 'sachet': {
      let zig = 'M-150 -360';
      for (let i = 0; i < 15; i++) zig += `L${-140 + i * 20} -370L${-130 + i * 20} -360`;
      return {
        width: 300,
        height: 370,
        svg:
          `<path d="${zig}V-20H-150Z" fill="url(#gb)"/>` +
          `<rect x="-150" y="-30" width="300" height="30" rx="4" fill="${p.bodyShade}"/>` +
          `<rect x="-150" y="-360" width="300" height="22" fill="${p.bodyShade}"/>` +
          `<path d="M-150 -330L-140 -325L-150 -320Z" fill="${p.bgBottom}"/>` +
          gleam(-134, -318, 270, 8) +
          `<path d="${leafPath(70)}" transform="translate(0 -90)" fill="${p.panel}" opacity="0.55"/>` +
          text(-282, 120, 1.15),
      };
    }
    case 'box':
      return {
        width: 390,
        height: 310,
        svg:
          `<path d="M-170 -260L-120 -310H220L170 -260Z" fill="${p.bodyLight}"/>` +
          `<path d="M170 -260L220 -310V-50L170 0Z" fill="${p.bodyShade}"/>` +
          `<rect x="-170" y="-260" width="340" height="260" fill="url(#gb)"/>` +
          `<rect x="60" y="-260" width="34" height="260" fill="${p.accent}"/>` +
          `<path d="M60 -260L110 -310H144L94 -260Z" fill="${p.accent}"/>` +
          `<rect x="-170" y="-260" width="340" height="3" fill="#ffffff" opacity="0.4"/>` +
          (withText ? `<g transform="translate(-60 0)">${text(-190, 150, 1.2)}</g>` : ''),
      };
    case 'leaf':
    default:
      return {
        width: 360,
        height: 240,
        svg:
          `<rect x="-180" y="-240" width="360" height="230" rx="22" fill="url(#gb)"/>` +
          `<rect x="-180" y="-240" width="360" height="4" rx="2" fill="#ffffff" opacity="0.4"/>` +
          `<path d="${leafPath(150)}" transform="translate(110 -40) rotate(28)" fill="${p.panel}" opacity="0.5"/>` +
          `<path d="${leafPath(110)}" transform="translate(120 -40) rotate(-18)" fill="${p.panel}" opacity="0.3"/>` +
          (withText ? `<g transform="translate(-60 0)">${text(-200, 150, 1.2)}</g>` : ''),
      };
  }
}

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
