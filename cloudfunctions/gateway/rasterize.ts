/**
 * SVG to PNG with resvg (a Rust renderer with a prebuilt binary per platform). Loaded on first use:
 * only the gateway and the deploy scripts rasterise; the cloud functions never bundle it.
 */
type ResvgModule = typeof import('@resvg/resvg-js');
let resvg: Promise<ResvgModule> | null = null;

/**
 * A PNG of `svg` scaled to `width` pixels, rendered off the event loop (`renderAsync` runs on the
 * libuv pool: loading the system fonts takes about a second, which would stall every other request).
 * System fonts draw the text; CJK text needs a CJK font installed (Noto Sans CJK on Debian).
 */
export async function rasterize(svg: string, width: number): Promise<Buffer> {
  resvg ??= import('@resvg/resvg-js');
  const { renderAsync } = await resvg;
  const image = await renderAsync(svg, {
    fitTo: { mode: 'width', value: width },
    font: { loadSystemFonts: true, defaultFontFamily: 'Noto Sans CJK SC' },
  });
  return Buffer.from(image.asPng());
}
