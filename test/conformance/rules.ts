/**
 * What WeChat requires of a built mini program that its build does not check for us. Each rule takes
 * the loaded bundle (and the page sources where a hook or call may sit in a child component) and
 * returns the problems it finds, one sentence each; an empty list means the bundle conforms.
 */
import type { SourceFile } from './page-sources';
import { routeOf, subpackagesOf, type Weapp } from './weapp-bundle';

/** `requiredPrivateInfos` accepts exactly these (WeChat's app.json reference). */
const PRIVATE_INFO_APIS = [
  'getFuzzyLocation',
  'getLocation',
  'onLocationChange',
  'startLocationUpdate',
  'startLocationUpdateBackground',
  'chooseLocation',
  'choosePoi',
  'chooseAddress',
] as const;
/** WeChat refuses getFuzzyLocation declared beside any of these. */
const PRECISE_LOCATION = ['getLocation', 'onLocationChange', 'startLocationUpdate', 'startLocationUpdateBackground'];

/**
 * A member access (`x.name`, `x["name"]`) that is not an assignment: a call or a reference. The
 * bracket form needs an object before it, so app.js's copy of `requiredPrivateInfos:["name"]` is no use.
 */
function usesApi(js: string, name: string): boolean {
  return new RegExp(`(?:\\.${name}\\b(?!\\s*=[^=])|[\\w$)\\]]\\[["']${name}["']\\])`).test(js);
}

export function checkPrivateInfos(w: Weapp): string[] {
  const declared = w.app.requiredPrivateInfos ?? [];
  const problems: string[] = [];
  for (const name of declared) {
    if (!(PRIVATE_INFO_APIS as readonly string[]).includes(name)) {
      problems.push(`requiredPrivateInfos lists "${name}", which is not one of WeChat's values`);
    }
  }
  for (const name of PRIVATE_INFO_APIS) {
    const files = [...w.js].filter(([, js]) => usesApi(js, name)).map(([file]) => file);
    if (files.length && !declared.includes(name)) {
      problems.push(
        `${name} is called (${files.join(', ')}) but app.json requiredPrivateInfos does not declare it: WeChat fails it with "the api need to be declared"`,
      );
    }
    if (!files.length && declared.includes(name)) {
      problems.push(`app.json requiredPrivateInfos declares ${name}, which the bundle never calls`);
    }
  }
  if (declared.includes('getFuzzyLocation') && declared.some((n) => PRECISE_LOCATION.includes(n))) {
    problems.push('requiredPrivateInfos: getFuzzyLocation cannot be declared with a precise location API');
  }
  return problems;
}

const HOOKS = {
  pullDown: 'usePullDownRefresh',
  share: 'useShareAppMessage',
  timeline: 'useShareTimeline',
} as const;

/** Where a page uses a Taro page hook: its own bundle file, or any source module it is built from. */
function hookUse(js: string, sources: SourceFile[], hook: string): string | null {
  if (new RegExp(`\\b${hook}\\b`).test(js)) return 'its bundle JS';
  const file = sources.find((s) => new RegExp(`\\b${hook}\\s*\\(`).test(s.text));
  return file ? file.path : null;
}

/** Taro strips enableShareAppMessage / enableShareTimeline from the page json and passes them in the JS. */
function jsFlag(js: string, flag: string): boolean {
  return new RegExp(`\\b${flag}:(?:!0|true)\\b`).test(js);
}

export function checkPageHooks(w: Weapp, sourcesOf: (route: string) => SourceFile[]): string[] {
  const problems: string[] = [];
  const globalPullDown = (w.app.window as { enablePullDownRefresh?: boolean } | undefined)?.enablePullDownRefresh;
  for (const page of w.pages) {
    const sources = sourcesOf(page.route);
    const pull = hookUse(page.js, sources, HOOKS.pullDown);
    const pullEnabled = (page.json.enablePullDownRefresh ?? globalPullDown) === true;
    if (pull && !pullEnabled) {
      problems.push(
        `${page.route}: ${HOOKS.pullDown} in ${pull} but its page json does not set enablePullDownRefresh: WeChat never fires it`,
      );
    }
    if (!pull && pullEnabled) {
      problems.push(
        `${page.route}: enablePullDownRefresh is on but no ${HOOKS.pullDown} stops the spinner (Taro.stopPullDownRefresh)`,
      );
    }
    const share = hookUse(page.js, sources, HOOKS.share);
    const shareEnabled = jsFlag(page.js, 'enableShareAppMessage');
    if (share && !shareEnabled) {
      problems.push(
        `${page.route}: ${HOOKS.share} in ${share} but the page config lacks enableShareAppMessage: Taro never registers onShareAppMessage`,
      );
    }
    if (!share && shareEnabled) {
      problems.push(`${page.route}: enableShareAppMessage without ${HOOKS.share}: the card would share a bare path`);
    }
    const timeline = hookUse(page.js, sources, HOOKS.timeline);
    const timelineEnabled = jsFlag(page.js, 'enableShareTimeline');
    if (timeline && !timelineEnabled) {
      problems.push(`${page.route}: ${HOOKS.timeline} in ${timeline} but the page config lacks enableShareTimeline`);
    }
    if (!timeline && timelineEnabled) {
      problems.push(`${page.route}: enableShareTimeline without ${HOOKS.timeline}`);
    }
    if (timelineEnabled && !shareEnabled) {
      problems.push(`${page.route}: WeChat shares to 朋友圈 only from pages that also allow 发送给朋友`);
    }
  }
  return problems;
}

type NavMethod = 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch';

function checkNavCall(w: Weapp, method: NavMethod, url: string, where: string): string[] {
  const route = routeOf(url);
  const pages = new Set(w.pages.map((p) => p.route));
  if (!pages.has(route)) return [`${where}: ${method} to ${url}, which is not a page in app.json`];
  if (w.tabPages.has(route) && (method === 'navigateTo' || method === 'redirectTo')) {
    return [`${where}: ${method} to the tab page ${route}: WeChat refuses it, use switchTab (or reLaunch)`];
  }
  if (method === 'switchTab' && !w.tabPages.has(route)) {
    return [`${where}: switchTab to ${route}, which is not a tab page`];
  }
  if (method === 'switchTab' && url.includes('?')) return [`${where}: switchTab to ${url}: tab pages take no query`];
  return [];
}

const BUNDLE_NAV = /\.(navigateTo|redirectTo|switchTab|reLaunch)\(\{url:"([^"]*)"/g;
const SOURCE_NAV = /\b(navigateTo|redirectTo|switchTab|reLaunch)\(\{\s*url:\s*(['"`])(\/[^'"`$]*)/g;
const BUNDLE_PATH = /"(\/?(?:pages|packages)\/[A-Za-z0-9_/-]+)(?:\?[^"]*)?"/g;
const SOURCE_PATH = /['"`](\/(?:pages|packages)\/[A-Za-z0-9_/-]+)/g;

/**
 * Every navigation target exists; tab pages are reached with switchTab / reLaunch only. Literal URLs
 * in the bundle and in `src/`; a path-like string anywhere must name a page (or a subpackage root).
 */
export function checkNavigation(w: Weapp, sources: SourceFile[]): string[] {
  const problems: string[] = [];
  const known = new Set([...w.pages.map((p) => p.route), ...subpackagesOf(w.app).map((s) => s.root)]);
  for (const [file, js] of w.js) {
    for (const m of js.matchAll(BUNDLE_NAV)) problems.push(...checkNavCall(w, m[1] as NavMethod, m[2]!, file));
    for (const m of js.matchAll(BUNDLE_PATH)) {
      if (!known.has(routeOf(m[1]!))) problems.push(`${file}: "${m[1]}" names no page in app.json`);
    }
  }
  for (const s of sources) {
    for (const m of s.text.matchAll(SOURCE_NAV)) problems.push(...checkNavCall(w, m[1] as NavMethod, m[3]!, s.path));
    for (const m of s.text.matchAll(SOURCE_PATH)) {
      if (!known.has(routeOf(m[1]!))) problems.push(`${s.path}: "${m[1]}" names no page in app.json`);
    }
  }
  return [...new Set(problems)];
}

const SVG = /\.svg(?:$|[?#])|^data:image\/svg/i;

/** A share card's imageUrl must be PNG or JPG: WeChat shows no SVG. */
export function checkShareImages(w: Weapp, sources: SourceFile[]): string[] {
  const problems: string[] = [];
  for (const [file, js] of w.js) {
    for (const m of js.matchAll(/imageUrl:\s*"([^"]*)"/g)) {
      if (SVG.test(m[1]!)) problems.push(`${file}: share imageUrl "${m[1]}" is an SVG`);
    }
  }
  for (const s of sources) {
    const svgImports = new Set([...s.text.matchAll(/import\s+(\w+)\s+from\s+['"][^'"]+\.svg['"]/g)].map((m) => m[1]!));
    for (const m of s.text.matchAll(/imageUrl:\s*([^,}\n]+)/g)) {
      const value = m[1]!.trim();
      const literal = /^['"`]([^'"`]*)['"`]$/.exec(value)?.[1];
      if ((literal !== undefined && SVG.test(literal)) || svgImports.has(value)) {
        problems.push(`${s.path}: share imageUrl ${value} is an SVG`);
      }
    }
  }
  return problems;
}

/** Pages WeChat search must not index: the back office, staff tools, one-time binding links. */
export function privateRoutes(w: Weapp): string[] {
  const binding = new Set(['packages/staff/bind', 'packages/invite/landing', 'packages/shop/welcome']);
  return w.pages
    .map((p) => p.route)
    .filter((r) => r.startsWith('packages/manager/') || r.startsWith('packages/staff/') || binding.has(r));
}

interface SitemapRule {
  action?: string;
  page?: string;
  params?: string[];
  matching?: string;
  priority?: number;
}

/**
 * sitemap.json ships and keeps every private page out of the index. Rules are matched by priority
 * (higher first), then in order; `*` is all pages (not a wildcard); a page no rule matches is indexed.
 */
export function checkSitemap(w: Weapp): string[] {
  const sitemap = w.sitemap as { rules?: SitemapRule[] } | null;
  if (!sitemap) return [`${w.app.sitemapLocation ?? 'sitemap.json'} is missing: every page may be indexed`];
  if (!Array.isArray(sitemap.rules)) return ['sitemap.json has no rules array'];
  const problems: string[] = [];
  const pages = new Set(w.pages.map((p) => p.route));
  for (const rule of sitemap.rules) {
    if (rule.action && rule.action !== 'allow' && rule.action !== 'disallow') {
      problems.push(`sitemap rule for ${rule.page}: action "${rule.action}" is not allow / disallow`);
    }
    if (rule.page !== '*' && !pages.has(rule.page ?? '')) problems.push(`sitemap rule names no page: ${rule.page}`);
  }
  const ordered = sitemap.rules
    .map((rule, i) => ({ rule, i }))
    .sort((a, b) => (b.rule.priority ?? 0) - (a.rule.priority ?? 0) || a.i - b.i)
    .map((x) => x.rule);
  for (const route of privateRoutes(w)) {
    let verdict = `no sitemap rule keeps ${route} out of the index (a page no rule matches is indexed)`;
    for (const rule of ordered) {
      if (rule.page !== '*' && rule.page !== route) continue;
      if ((rule.action ?? 'allow') === 'allow') {
        verdict = `sitemap.json lets WeChat index ${route}`;
        break;
      }
      // A disallow with params covers only some queries; keep looking for one that covers them all.
      if (!rule.params?.length) {
        verdict = '';
        break;
      }
    }
    if (verdict) problems.push(verdict);
  }
  return problems;
}

export const PACKAGE_LIMIT = 2 * 1024 * 1024;
export const TOTAL_LIMIT = 30 * 1024 * 1024;
/** Pages of one package share 2 MB of preloading. */
const PRELOAD_LIMIT = 2 * 1024 * 1024;

/** preloadRule names real pages and packages, and each package's pages stay within the preload quota. */
export function checkPreload(w: Weapp, sizes: { main: number; subpackages: Array<{ root: string; bytes: number }> }) {
  const problems: string[] = [];
  const subs = subpackagesOf(w.app);
  const pkgOf = (route: string) => w.pages.find((p) => p.route === route)?.root ?? '__APP__';
  const bytesOf = (ref: string): number | null => {
    if (ref === '__APP__') return sizes.main;
    const sub = subs.find((s) => s.root === ref.replace(/\/$/, '') || s.name === ref);
    return sub ? (sizes.subpackages.find((x) => x.root === sub.root)?.bytes ?? 0) : null;
  };
  const quota = new Map<string, Set<string>>();
  for (const [route, rule] of Object.entries(w.app.preloadRule ?? {})) {
    if (!w.pages.some((p) => p.route === route)) problems.push(`preloadRule key ${route} is not a page`);
    if (rule.network && rule.network !== 'all' && rule.network !== 'wifi') {
      problems.push(`preloadRule ${route}: network "${rule.network}" is not all / wifi`);
    }
    for (const ref of rule.packages ?? []) {
      if (bytesOf(ref) === null) problems.push(`preloadRule ${route}: no subpackage with root or name "${ref}"`);
      else if (ref.replace(/\/$/, '') === pkgOf(route)) problems.push(`preloadRule ${route}: preloads its own package`);
      else quota.set(pkgOf(route), (quota.get(pkgOf(route)) ?? new Set()).add(ref));
    }
  }
  for (const [pkg, refs] of quota) {
    const bytes = [...refs].reduce((sum, ref) => sum + (bytesOf(ref) ?? 0), 0);
    if (bytes > PRELOAD_LIMIT) {
      problems.push(`pages of ${pkg} preload ${(bytes / 1024).toFixed(0)} KB, over WeChat's 2 MB quota`);
    }
  }
  return problems;
}

/**
 * APIs and components WeChat holds back until the member agrees to the 用户隐私保护指引: a page that
 * uses one must render the PrivacyPopup that `onNeedPrivacyAuthorization` opens.
 */
const PRIVACY_USES: Array<[string, RegExp]> = [
  ['nickname input', /type=\{?[^}\n]*['"]nickname['"]/],
  ['chooseAvatar', /openType=\{?['"]chooseAvatar['"]/],
  ['getPhoneNumber', /openType=\{?['"]get(?:Realtime)?PhoneNumber['"]/],
  ...[
    'chooseAddress',
    'getLocation',
    'getFuzzyLocation',
    'startLocationUpdate',
    'startLocationUpdateBackground',
    'chooseLocation',
    'choosePoi',
    'chooseImage',
    'chooseMedia',
    'chooseVideo',
    'chooseMessageFile',
    'saveImageToPhotosAlbum',
    'saveVideoToPhotosAlbum',
    'setClipboardData',
    'getClipboardData',
    'chooseInvoice',
    'chooseInvoiceTitle',
    'addPhoneContact',
    'getWeRunData',
  ].map((name): [string, RegExp] => [name, new RegExp(`\\.${name}\\(`)]),
];

/**
 * Whether a use at `index` of a shared module is reachable from the page: the exported function around
 * it must be named by another file of the page (a page importing only `addressText` from a module that
 * also wraps chooseAddress never calls it). A use outside any named export counts as reachable.
 */
function reachable(file: SourceFile, index: number, sources: SourceFile[]): boolean {
  const exports = [
    ...file.text.slice(0, index).matchAll(/export\s+(?:default\s+)?(?:async\s+)?(?:function\s+|const\s+)(\w+)/g),
  ];
  const name = exports[exports.length - 1]?.[1];
  if (!name) return true;
  return sources.some((s) => s !== file && new RegExp(`\\b${name}\\b`).test(s.text));
}

export function checkPrivacyHosts(w: Weapp, sourcesOf: (route: string) => SourceFile[]): string[] {
  const problems: string[] = [];
  for (const page of w.pages) {
    const sources = sourcesOf(page.route);
    const uses = PRIVACY_USES.flatMap(([name, re]) => {
      const file = sources.find((s) =>
        [...s.text.matchAll(new RegExp(re.source, 'g'))].some(
          (m) => s.path === `src/${page.route}.tsx` || reachable(s, m.index, sources),
        ),
      );
      return file ? [`${name} (${file.path})`] : [];
    });
    if (uses.length && !sources.some((s) => /<PrivacyPopup\b/.test(s.text))) {
      problems.push(
        `${page.route} uses ${uses.join(', ')} but renders no <PrivacyPopup />: the consent cannot be given`,
      );
    }
  }
  return problems;
}

/** app.json settings that have one right value for this app, and the tab bar's WeChat rules. */
export function checkManifest(w: Weapp): string[] {
  const problems: string[] = [];
  if (w.app.lazyCodeLoading !== 'requiredComponents') {
    problems.push('app.json lazyCodeLoading is not "requiredComponents": every page is injected at launch');
  }
  if (w.app.resizable !== true) {
    problems.push('app.json resizable is not true: WeChat on Windows and Mac keeps a phone-sized window');
  }
  for (const tab of w.tabPages) {
    if (!w.app.pages.includes(tab)) problems.push(`tab page ${tab} is not in the main package`);
  }
  for (const page of w.pages) {
    if (!page.js) problems.push(`${page.route}.js is missing from the build`);
  }
  return problems;
}
