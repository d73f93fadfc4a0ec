/**
 * The built mini program as WeChat reads it (dist/weapp): private APIs against requiredPrivateInfos,
 * page hooks against page configs, navigation targets, share images, sitemap, preloading, the privacy
 * popup on every page that needs consent, and WeChat's package size limits. The last block proves each
 * rule bites by breaking a copy of the real bundle.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { weappPackageSizes, type WeappPackageSizes } from '../budgets/weapp-size';
import { allSources, pageSources, type SourceFile } from './page-sources';
import {
  PACKAGE_LIMIT,
  TOTAL_LIMIT,
  checkManifest,
  checkNavigation,
  checkPageHooks,
  checkPreload,
  checkPrivacyHosts,
  checkPrivateInfos,
  checkShareImages,
  checkSitemap,
  privateRoutes,
} from './rules';
import { loadWeapp, subpackagesOf, type Weapp } from './weapp-bundle';

const REPO = resolve(__dirname, '../..');
const DIST = join(REPO, 'dist/weapp');

const built = existsSync(join(DIST, 'app.json'));
// `npm test` builds dist/weapp first and sets REQUIRE_BUILDS, so there a missing build fails.
const suite = built || process.env.REQUIRE_BUILDS === '1' ? describe : describe.skip;
if (!built) console.log('[conformance] dist/weapp is not built: run `npm run build:weapp` (npm test does it).');

suite('weapp conformance (dist/weapp as WeChat reads it)', () => {
  let w: Weapp;
  let sizes: WeappPackageSizes;
  let sources: SourceFile[];
  const cache = new Map<string, SourceFile[]>();
  const sourcesOf = (route: string) => cache.get(route) ?? cache.set(route, pageSources(REPO, route)).get(route)!;

  beforeAll(() => {
    expect(existsSync(join(DIST, 'app.json')), 'dist/weapp/app.json exists').toBe(true);
    w = loadWeapp(DIST);
    sizes = weappPackageSizes(
      DIST,
      subpackagesOf(w.app).map((s) => s.root),
    );
    sources = allSources(REPO);
  });

  it('every page of app.json is built and has its source', () => {
    expect(w.pages.length).toBeGreaterThan(4);
    expect(checkManifest(w)).toEqual([]);
    for (const page of w.pages) expect(sourcesOf(page.route).length, `src/${page.route}.tsx`).toBeGreaterThan(0);
  });

  it('private APIs called <-> app.json requiredPrivateInfos (both directions)', () => {
    expect(checkPrivateInfos(w)).toEqual([]);
  });

  it('pull-down and share hooks <-> each page config', () => {
    expect(checkPageHooks(w, sourcesOf)).toEqual([]);
  });

  it('navigation targets exist; tab pages only through switchTab / reLaunch', () => {
    expect(checkNavigation(w, sources)).toEqual([]);
  });

  it('no share card imageUrl is an SVG', () => {
    expect(checkShareImages(w, sources)).toEqual([]);
  });

  it('sitemap.json ships and keeps manager, staff and binding pages out of WeChat search', () => {
    expect(privateRoutes(w).length).toBeGreaterThan(0);
    expect(checkSitemap(w)).toEqual([]);
  });

  it('preloadRule names real pages and packages within the 2 MB preload quota', () => {
    expect(Object.keys(w.app.preloadRule ?? {}).length).toBeGreaterThan(0);
    expect(checkPreload(w, sizes)).toEqual([]);
  });

  it('every page that calls a privacy-guarded API renders the PrivacyPopup', () => {
    expect(checkPrivacyHosts(w, sourcesOf)).toEqual([]);
  });

  it("packages within WeChat's limits (2 MB each, 30 MB in all)", () => {
    expect(sizes.main).toBeLessThanOrEqual(PACKAGE_LIMIT);
    for (const s of sizes.subpackages) expect(s.bytes, s.root).toBeLessThanOrEqual(PACKAGE_LIMIT);
    expect(sizes.total).toBeLessThanOrEqual(TOTAL_LIMIT);
  });

  describe('each rule catches a broken copy of this bundle', () => {
    const broken = (change: (copy: Weapp) => void): Weapp => {
      const copy: Weapp = {
        ...w,
        app: structuredClone(w.app),
        pages: w.pages.map((p) => ({ ...p, json: { ...p.json } })),
        js: new Map(w.js),
        sitemap: structuredClone(w.sitemap),
      };
      change(copy);
      return copy;
    };

    it('a removed requiredPrivateInfos entry, and an unused one', () => {
      const declared = w.app.requiredPrivateInfos ?? [];
      expect(declared.length).toBeGreaterThan(0);
      const removed = broken((c) => (c.app.requiredPrivateInfos = declared.slice(1)));
      expect(checkPrivateInfos(removed).join('\n')).toContain(`${declared[0]} is called`);
      // app.js carries a copy of app.config: naming the API there is not calling it.
      // choosePoi: an API the bundle does not call (checkout's getLocation is declared and called).
      const extra = broken((c) => {
        c.app.requiredPrivateInfos = [...declared, 'choosePoi'];
        c.js.set('config-copy.js', 'var a={requiredPrivateInfos:["choosePoi"]};');
      });
      expect(checkPrivateInfos(extra)).toEqual([
        'app.json requiredPrivateInfos declares choosePoi, which the bundle never calls',
      ]);
    });

    it('a pull-down hook without enablePullDownRefresh', () => {
      const page = w.pages.find((p) => p.json.enablePullDownRefresh === true)!;
      expect(page).toBeDefined();
      const off = broken((c) => delete c.pages.find((p) => p.route === page.route)!.json.enablePullDownRefresh);
      expect(checkPageHooks(off, sourcesOf).join('\n')).toContain(`${page.route}: usePullDownRefresh`);
    });

    it('a share hook without enableShareAppMessage', () => {
      const page = w.pages.find((p) => /enableShareAppMessage:!0/.test(p.js))!;
      expect(page).toBeDefined();
      const off = broken((c) => {
        const target = c.pages.find((p) => p.route === page.route)!;
        target.js = target.js.replace(/enableShareAppMessage:!0/g, 'enableShareAppMessage:!1');
      });
      expect(checkPageHooks(off, sourcesOf).join('\n')).toContain(`${page.route}: useShareAppMessage`);
    });

    it('navigateTo a tab page, and a target that is no page', () => {
      const tab = [...w.tabPages][0]!;
      const bad = broken((c) =>
        c.js.set('extra.js', `a().navigateTo({url:"/${tab}"});a().redirectTo({url:"/packages/nowhere/page"})`),
      );
      const problems = checkNavigation(bad, []).join('\n');
      expect(problems).toContain(`navigateTo to the tab page ${tab}`);
      expect(problems).toContain('/packages/nowhere/page, which is not a page');
    });

    it('an SVG share image', () => {
      const bad: SourceFile = { path: 'src/x.tsx', text: "useShareAppMessage(() => ({ imageUrl: '/a/card.svg' }))" };
      expect(checkShareImages(w, [bad])).toEqual(["src/x.tsx: share imageUrl '/a/card.svg' is an SVG"]);
    });

    it('a missing sitemap, and one that lets a manager page in', () => {
      expect(checkSitemap(broken((c) => (c.sitemap = null)))).toHaveLength(1);
      const manager = privateRoutes(w).find((r) => r.startsWith('packages/manager/'))!;
      const open = broken((c) => (c.sitemap as { rules: unknown[] }).rules.unshift({ action: 'allow', page: manager }));
      expect(checkSitemap(open)).toEqual([`sitemap.json lets WeChat index ${manager}`]);
    });

    it('a preload over the quota', () => {
      const big = { ...sizes, subpackages: sizes.subpackages.map((s) => ({ ...s, bytes: 3 * 1024 * 1024 })) };
      expect(checkPreload(w, big).join('\n')).toContain("over WeChat's 2 MB quota");
    });

    it('app.json without resizable (no desktop window) or with lazy loading off', () => {
      expect(checkManifest(broken((c) => delete c.app.resizable))).toEqual([
        'app.json resizable is not true: WeChat on Windows and Mac keeps a phone-sized window',
      ]);
      expect(checkManifest(broken((c) => delete c.app.lazyCodeLoading)).join('\n')).toContain('lazyCodeLoading');
    });

    it('a privacy-guarded call on a page without the popup', () => {
      const page = w.pages.find((p) => p.route.endsWith('member/profile'))!;
      const without = (route: string) =>
        sourcesOf(route).map((s) => ({ ...s, text: s.text.replace(/<PrivacyPopup\b/g, '<Nothing') }));
      expect(checkPrivacyHosts({ ...w, pages: [page] }, without).join('\n')).toContain('renders no <PrivacyPopup />');
    });
  });
});
