import { describe, expect, it } from 'vitest';
import { escapeXml, hsl } from './art-style';
import { ART_SHAPES, renderBannerArt, renderCategoryIcon, renderProductArt, type ProductArt } from './product-art';

/**
 * A tiny well-formedness check, enough for generated SVG: one root <svg>, balanced tags, quoted
 * attributes, no stray markup characters in text, and only the predefined entities.
 */
function assertWellFormed(svg: string): void {
  expect(svg.startsWith('<svg')).toBe(true);
  expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<>]*")*)\s*(\/?)>/y;
  let i = 0;
  let roots = 0;
  while (i < svg.length) {
    const lt = svg.indexOf('<', i);
    const text = svg.slice(i, lt === -1 ? svg.length : lt);
    expect(text, `text at ${i}`).not.toMatch(/>/);
    expect(text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, ''), `text at ${i}`).not.toContain('&');
    if (text.trim() !== '') expect(stack.length, 'text outside the root').toBeGreaterThan(0);
    if (lt === -1) break;
    tag.lastIndex = lt;
    const m = tag.exec(svg);
    if (!m) throw new Error(`malformed tag at ${lt}: ${svg.slice(lt, lt + 60)}`);
    const [whole, closing, name, attrs, selfClosing] = m;
    expect(attrs.replace(/&(amp|lt|gt|quot|apos|#\d+);/g, ''), `attrs of <${name}>`).not.toContain('&');
    const attrNames = [...attrs.matchAll(/([\w:-]+)="/g)].map((a) => a[1]);
    expect(new Set(attrNames).size, `duplicate attribute in <${name}>`).toBe(attrNames.length);
    if (closing) {
      expect(stack.pop(), `closing </${name}>`).toBe(name);
    } else {
      if (stack.length === 0) roots++;
      if (!selfClosing) stack.push(name);
    }
    i = lt + whole.length;
  }
  expect(stack).toEqual([]);
  expect(roots).toBe(1);
}

function assertWechatSafe(svg: string): void {
  expect(svg).not.toMatch(/<style/i);
  expect(svg).not.toMatch(/\sclass="/);
  expect(svg).not.toMatch(/\sstyle="/);
  expect(svg).not.toMatch(/href=/);
  expect(svg).not.toMatch(/url\((?!#)/);
  expect(svg).not.toMatch(/\d%/);
  expect(svg).not.toMatch(/<script|<image|<foreignObject/i);
  expect(Buffer.byteLength(svg, 'utf8')).toBeLessThan(6 * 1024);
}

const arts: ProductArt[] = ART_SHAPES.map((shape, i) => ({
  hue: (i * 47) % 360,
  shape,
  label: ['HA', 'B5', '01', 'SPF50', 'CICA', 'SET', 'VC', 'SPA'][i],
}));

describe('renderProductArt', () => {
  for (const art of arts) {
    it(`renders a well-formed, WeChat-safe ${art.shape} in every variant`, () => {
      for (const variant of [1, 2, 3]) {
        const svg = renderProductArt(art, variant);
        assertWellFormed(svg);
        assertWechatSafe(svg);
        expect(svg).toContain('viewBox="0 0 750 750"');
        expect(svg).toContain('width="750px"');
        expect(svg).toContain('height="750px"');
        expect(svg).toContain('QINGHE');
        expect(svg).toContain(`>${art.label}<`);
      }
    });
  }

  it('makes the three variants differ', () => {
    for (const art of arts) {
      const variants = new Set([1, 2, 3].map((v) => renderProductArt(art, v)));
      expect(variants.size).toBe(3);
    }
  });

  it('wraps out-of-range variants instead of failing', () => {
    const art = arts[0];
    expect(renderProductArt(art, 4)).toBe(renderProductArt(art, 1));
    expect(renderProductArt(art, 0)).toBe(renderProductArt(art, 3));
    assertWellFormed(renderProductArt(art, Number.NaN));
  });

  it('derives colours from the hue', () => {
    const a = renderProductArt({ hue: 20, shape: 'jar' }, 1);
    const b = renderProductArt({ hue: 200, shape: 'jar' }, 1);
    expect(a).not.toBe(b);
    expect(renderProductArt({ hue: 380, shape: 'jar' }, 1)).toBe(renderProductArt({ hue: 20, shape: 'jar' }, 1));
    expect(renderProductArt({ hue: -160, shape: 'jar' }, 1)).toBe(b);
  });

  it('escapes the label', () => {
    const svg = renderProductArt({ hue: 90, shape: 'bottle', label: `<&"'>` }, 1);
    assertWellFormed(svg);
    expect(svg).toContain('&lt;&amp;&quot;&apos;&gt;');
    expect(svg).not.toContain(`<&"'>`);
  });

  it('renders without a label and honours a requested size', () => {
    const svg = renderProductArt({ hue: 10, shape: 'pump' }, 2, { width: 375, height: 375 });
    assertWellFormed(svg);
    expect(svg).toContain('width="375px"');
    expect(svg).toContain('viewBox="0 0 750 750"');
  });

  it('keeps Chinese text out of product images', () => {
    for (const art of arts) expect(renderProductArt(art, 1)).not.toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('renderBannerArt', () => {
  it('renders a 750x320 well-formed banner with the Chinese text', () => {
    for (const art of arts) {
      const svg = renderBannerArt(art, '春夏防晒季', '轻薄防晒乳两支装 ¥229 起');
      assertWellFormed(svg);
      assertWechatSafe(svg);
      expect(svg).toContain('viewBox="0 0 750 320"');
      expect(svg).toContain('春夏防晒季');
      expect(svg).toContain('PingFang SC, Noto Sans CJK SC, sans-serif');
    }
  });

  it('escapes title and subtitle', () => {
    const svg = renderBannerArt(arts[1], 'A & B <新品>', `"会员" 'only'`);
    assertWellFormed(svg);
    expect(svg).toContain('A &amp; B &lt;新品&gt;');
    expect(svg).toContain('&quot;会员&quot; &apos;only&apos;');
  });

  it('stays small even with long text', () => {
    const svg = renderBannerArt(arts[2], '超长标题'.repeat(10), '副标题'.repeat(20));
    assertWellFormed(svg);
    assertWechatSafe(svg);
  });
});

describe('renderCategoryIcon', () => {
  it('renders a 120x120 well-formed icon for every shape', () => {
    const icons = arts.map((art) => renderCategoryIcon(art));
    for (const svg of icons) {
      assertWellFormed(svg);
      assertWechatSafe(svg);
      expect(svg).toContain('viewBox="0 0 120 120"');
      expect(svg).toContain('width="120px"');
    }
    expect(new Set(icons).size).toBe(icons.length);
  });
});

describe('helpers', () => {
  it('converts HSL to hex', () => {
    expect(hsl(0, 100, 50)).toBe('#ff0000');
    expect(hsl(120, 100, 50)).toBe('#00ff00');
    expect(hsl(240, 100, 50)).toBe('#0000ff');
    expect(hsl(0, 0, 100)).toBe('#ffffff');
    expect(hsl(30, 0, 0)).toBe('#000000');
  });

  it('escapes the five XML specials', () => {
    expect(escapeXml(`a&b<c>d"e'f`)).toBe('a&amp;b&lt;c&gt;d&quot;e&apos;f');
  });
});
