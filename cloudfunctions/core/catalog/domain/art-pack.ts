import type { ProductArt } from './product-art';
import { escapeXml, LATIN_FONT, n, WORDMARK, type Palette } from './art-style';

/**
 * The stylised packages (bottle, dropper, jar, tube, pump, sachet, box, leaf) every catalog drawing
 * stands in its scene, with the brand block printed on them.
 */
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

export function leafPath(len: number): string {
  const w = len * 0.34;
  return `M0 0C${n(w)} ${n(-len * 0.3)} ${n(w * 0.7)} ${n(-len * 0.8)} 0 ${n(-len)}C${n(-w * 0.7)} ${n(-len * 0.8)} ${n(-w)} ${n(-len * 0.3)} 0 0Z`;
}

export function drawPack(art: ProductArt, p: Palette, withText = true): Pack {
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
