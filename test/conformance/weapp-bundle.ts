import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** One page as WeChat loads it: its route, its package, its page json and its own JS file. */
export interface WeappPage {
  /** e.g. `pages/home/index`, `packages/goods/detail` (no leading slash, no extension). */
  route: string;
  /** The subpackage root, or null for the main package. */
  root: string | null;
  json: Record<string, unknown>;
  /** The page's own JS file (shared chunks it requires are not included). */
  js: string;
}

export interface AppJson {
  pages: string[];
  subPackages?: Array<{ root: string; name?: string; pages: string[] }>;
  subpackages?: Array<{ root: string; name?: string; pages: string[] }>;
  tabBar?: { list: Array<{ pagePath: string }> };
  requiredPrivateInfos?: string[];
  lazyCodeLoading?: string;
  resizable?: boolean;
  sitemapLocation?: string;
  preloadRule?: Record<string, { network?: string; packages: string[] }>;
  [key: string]: unknown;
}

export interface Weapp {
  dist: string;
  app: AppJson;
  pages: WeappPage[];
  tabPages: Set<string>;
  /** Every JS file of the bundle, by path relative to dist. */
  js: Map<string, string>;
  /** sitemap.json as shipped, or null when missing. */
  sitemap: unknown;
}

export function subpackagesOf(app: AppJson): Array<{ root: string; name?: string; pages: string[] }> {
  return (app.subPackages ?? app.subpackages ?? []).map((s) => ({ ...s, root: s.root.replace(/\/$/, '') }));
}

function jsFiles(dir: string, base: string, out: Map<string, string>): Map<string, string> {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) jsFiles(path, base, out);
    else if (entry.endsWith('.js')) out.set(relative(base, path), readFileSync(path, 'utf8'));
  }
  return out;
}

function readJson(path: string): Record<string, unknown> {
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>) : {};
}

/** Reads a built `dist/weapp`: app.json, every page's json and JS, every JS file, sitemap.json. */
export function loadWeapp(dist: string): Weapp {
  const app = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8')) as AppJson;
  const routes: Array<{ route: string; root: string | null }> = [
    ...app.pages.map((route) => ({ route, root: null })),
    ...subpackagesOf(app).flatMap((s) => s.pages.map((p) => ({ route: `${s.root}/${p}`, root: s.root }))),
  ];
  const pages = routes.map(({ route, root }) => ({
    route,
    root,
    json: readJson(join(dist, `${route}.json`)),
    js: existsSync(join(dist, `${route}.js`)) ? readFileSync(join(dist, `${route}.js`), 'utf8') : '',
  }));
  const sitemapPath = join(dist, app.sitemapLocation ?? 'sitemap.json');
  return {
    dist,
    app,
    pages,
    tabPages: new Set((app.tabBar?.list ?? []).map((t) => t.pagePath)),
    js: jsFiles(dist, dist, new Map()),
    sitemap: existsSync(sitemapPath) ? JSON.parse(readFileSync(sitemapPath, 'utf8')) : null,
  };
}

/** `/packages/order/detail?orderId=` -> `packages/order/detail`. */
export function routeOf(url: string): string {
  return url.replace(/^\//, '').split('?')[0]!;
}
