import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import vm from 'node:vm';
import { readTemplates, type NodeTemplate } from './templates';
import { FakeTimers } from './timers';
import { applySetData, ViewNode, type RawNode } from './tree';
import type { Answer } from './wx-stub';

/** A page object as WeChat hands it to the page's code: its config's methods and data, plus the route. */
export interface PageInstance {
  route: string;
  options: Record<string, string>;
  data: { root?: RawNode; [key: string]: unknown };
  title: string;
  setData(changes: Record<string, unknown>, callback?: () => void): void;
  eh?: (event: unknown) => unknown;
  [hook: string]: unknown;
}

interface AppConfig {
  pages: string[];
  subPackages?: Array<{ root: string; pages: string[] }>;
  tabBar?: { list: Array<{ pagePath: string; text?: string }> };
}

const MAX_STACK = 10;

/**
 * Runs the built weapp bundle the way WeChat's logic layer does, in a `vm` context: files are
 * CommonJS-wrapped and resolved inside `dist/weapp`, `App()`/`Page()`/`Component()` register, and the
 * host keeps the page stack, calls the lifecycles and keeps each page's data as `setData` wrote it.
 */
export class WeappHost {
  readonly timers = new FakeTimers();
  readonly templates: Map<string, NodeTemplate>;
  readonly appJson: AppConfig;
  readonly context: vm.Context;
  /** Files loaded so far, relative to dist (which subpackages a walk really opened). */
  readonly loaded = new Set<string>();
  readonly stack: PageInstance[] = [];
  /** The first `setData` keys the pages wrote (the smoke test checks Taro's path form). */
  readonly setDataKeys: string[] = [];
  /** Tab pages stay alive once opened; switching tabs hides and shows them. */
  private readonly tabs = new Map<string, PageInstance>();
  private readonly pageConfigs = new Map<string, Record<string, unknown>>();
  readonly components: Array<Record<string, unknown>> = [];
  private readonly modules = new Map<string, { exports: unknown }>();
  private loadingRoute: string | null = null;
  private app: Record<string, any> | null = null;
  private pageSeq = 0;

  constructor(
    readonly dist: string,
    wx: Record<string, unknown>,
  ) {
    this.templates = readTemplates(dist);
    this.appJson = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8'));
    const t = this.timers;
    this.context = vm.createContext({
      wx,
      console,
      setTimeout: t.setTimeout,
      clearTimeout: t.clearTimeout,
      setInterval: t.setInterval,
      clearInterval: t.clearInterval,
      App: (config: Record<string, unknown>) => {
        this.app = config;
      },
      Page: (config: Record<string, unknown>) => {
        if (!this.loadingRoute) throw new Error('Page() called while no page file was loading');
        this.pageConfigs.set(this.loadingRoute, config);
      },
      Component: (config: Record<string, unknown>) => void this.components.push(config),
      Behavior: (config: unknown) => config,
      getApp: () => this.app,
      getCurrentPages: () => [...this.stack],
      requirePlugin: () => {
        throw new Error('requirePlugin: this mini program uses no plugin');
      },
    });
  }

  /** `require` inside the bundle: relative to the requiring file, `.js` optional, cached. */
  require(file: string): unknown {
    const path = normalize(file.endsWith('.js') ? file : `${file}.js`);
    const cached = this.modules.get(path);
    if (cached) return cached.exports;
    const full = join(this.dist, path);
    if (!existsSync(full)) throw new Error(`bundle requires ${path}, which is not in ${this.dist}`);
    const module = { exports: {} as unknown };
    this.modules.set(path, module);
    this.loaded.add(path);
    const source = readFileSync(full, 'utf8');
    const wrapped = new vm.Script(`(function (require, module, exports) {${source}\n})`, { filename: full });
    const fn = wrapped.runInContext(this.context) as (r: (p: string) => unknown, m: unknown, e: unknown) => void;
    fn((request) => this.require(join(dirname(path), request)), module, module.exports);
    return module.exports;
  }

  get launched(): boolean {
    return this.app !== null;
  }

  get appConfig(): Record<string, any> {
    if (!this.app) throw new Error('app.js did not call App()');
    return this.app;
  }

  /** Every page route app.json declares, main package and subpackages. */
  routes(): string[] {
    const sub = (this.appJson.subPackages ?? []).flatMap((p) => p.pages.map((page) => `${p.root}/${page}`));
    return [...this.appJson.pages, ...sub];
  }

  isTab(route: string): boolean {
    return (this.appJson.tabBar?.list ?? []).some((t) => t.pagePath === route);
  }

  /** Loads the page's file (its subpackage's chunks come with it) the first time it is opened. */
  private pageConfig(route: string): Record<string, unknown> {
    const known = this.pageConfigs.get(route);
    if (known) return known;
    this.loadingRoute = route;
    try {
      this.require(route);
    } finally {
      this.loadingRoute = null;
    }
    const config = this.pageConfigs.get(route);
    if (!config) throw new Error(`${route}.js loaded without calling Page()`);
    return config;
  }

  private createPage(route: string, options: Record<string, string>): PageInstance {
    const config = this.pageConfig(route);
    const page = {} as PageInstance;
    for (const [key, value] of Object.entries(config)) page[key] = value;
    const id = ++this.pageSeq;
    Object.assign(page, {
      route,
      __route__: route,
      __wxWebviewId__: id,
      is: route,
      options,
      title: '',
      data: JSON.parse(JSON.stringify(config.data ?? {})),
      getPageId: () => `pageId:${id}`,
      createSelectorQuery: (this.context.wx as Record<string, () => unknown>).createSelectorQuery,
      selectComponent: () => null,
      selectAllComponents: () => [],
      setData: (changes: Record<string, unknown>, callback?: () => void) => {
        if (this.setDataKeys.length < 500) this.setDataKeys.push(...Object.keys(changes));
        applySetData(page.data, changes);
        if (callback) this.timers.setTimeout(callback, 0);
      },
    });
    return page;
  }

  private call(page: PageInstance, hook: string, ...args: unknown[]): void {
    const fn = page[hook];
    if (typeof fn === 'function') fn.apply(page, args);
  }

  private open(route: string, options: Record<string, string>): PageInstance {
    const page = this.createPage(route, options);
    this.stack.push(page);
    this.call(page, 'onLoad', options);
    this.call(page, 'onShow');
    this.timers.setTimeout(() => this.call(page, 'onReady'), 0);
    return page;
  }

  private unload(page: PageInstance): void {
    this.call(page, 'onUnload');
    if (this.tabs.get(page.route) === page) this.tabs.delete(page.route);
  }

  /** Starts the app at `url` as WeChat does on a cold start: App onLaunch, onShow, then the page. */
  launch(url: string): void {
    this.require('app');
    const { route, query } = parseUrl(url, null);
    const app = this.appConfig;
    const options = { path: route, query, scene: 1001, referrerInfo: {} };
    app.onLaunch?.call(app, options);
    app.onShow?.call(app, options);
    this.openRoot(route, query);
  }

  private openRoot(route: string, query: Record<string, string>): void {
    const page = this.open(route, query);
    if (this.isTab(route)) this.tabs.set(route, page);
  }

  top(): PageInstance | undefined {
    return this.stack[this.stack.length - 1];
  }

  /** The WeChat navigation APIs, with WeChat's refusals. */
  navigate(api: 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch' | 'navigateBack', options: any): Answer {
    if (api === 'navigateBack') {
      const delta = Math.max(1, Number(options.delta) || 1);
      if (this.stack.length <= 1) return { fail: 'cannot navigate back at first page.' };
      const leaving = this.stack.splice(Math.max(1, this.stack.length - delta));
      for (const page of leaving.reverse()) this.unload(page);
      this.call(this.top()!, 'onShow');
      return { ok: {} };
    }
    const current = this.top()?.route ?? null;
    const { route, query } = parseUrl(String(options.url ?? ''), current);
    if (!this.routes().includes(route)) return { fail: `page "${route}" is not found` };
    const tab = this.isTab(route);
    if (api === 'switchTab') {
      if (!tab) return { fail: `can not switch to no-tabBar page` };
      const kept = this.tabs.get(route);
      for (const page of this.stack.splice(0).reverse()) {
        if (this.isTab(page.route) && this.tabs.get(page.route) === page) this.call(page, 'onHide');
        else this.unload(page);
      }
      if (kept) {
        this.stack.push(kept);
        this.call(kept, 'onShow');
      } else this.openRoot(route, {});
      return { ok: {} };
    }
    if (tab && api !== 'reLaunch') return { fail: `can not ${api} a tabbar page` };
    if (api === 'reLaunch') {
      for (const page of this.stack.splice(0).reverse()) this.unload(page);
      for (const page of [...this.tabs.values()]) this.unload(page);
      this.openRoot(route, query);
      return { ok: {} };
    }
    if (api === 'redirectTo') {
      const leaving = this.stack.pop();
      if (leaving) this.unload(leaving);
      this.open(route, query);
      return { ok: {} };
    }
    if (this.stack.length >= MAX_STACK) return { fail: 'webview count limit exceed' };
    const below = this.top();
    if (below) this.call(below, 'onHide');
    this.open(route, query);
    return { ok: {} };
  }

  /** What the page on top shows: its data tree, root first. */
  view(page: PageInstance | undefined = this.top()): ViewNode {
    if (!page) throw new Error('no page is open');
    return new ViewNode(page.data.root ?? { cn: [] }, null, this.templates);
  }

  /**
   * A tap as WeChat delivers it: the target's handler first, then each ancestor whose template binds
   * `tap` (bubbling), each as `eh` with that element as `currentTarget`. Taro dispatches to React only
   * once the bubbling reaches the outermost bound element.
   */
  tap(page: PageInstance, node: ViewNode): void {
    if (!node.visible) throw new Error(`tap on an element the page does not show (display: none): ${node.describe()}`);
    const disabled = node.attr('disabled');
    if (disabled === true || disabled === 'true') throw new Error(`tap on a disabled element: ${node.describe()}`);
    const target = { id: node.id, dataset: { sid: node.sid } };
    const chain = [node, ...node.ancestors()].filter((n) => n.binds('tap') && n.sid);
    if (chain.length === 0) throw new Error(`nothing handles a tap on ${node.describe()}`);
    for (const current of chain) {
      this.dispatch(page, {
        type: 'tap',
        timeStamp: Date.now(),
        target,
        currentTarget: { id: current.id, dataset: { sid: current.sid } },
        detail: { x: 0, y: 0 },
        mark: {},
        touches: [],
        changedTouches: [],
      });
    }
  }

  /** One event on one element (input, confirm, focus, blur, change ...); these do not bubble. */
  fire(page: PageInstance, node: ViewNode, type: string, detail: Record<string, unknown>): void {
    const target = { id: node.id, dataset: { sid: node.sid } };
    this.dispatch(page, { type, timeStamp: Date.now(), target, currentTarget: target, detail, mark: {} });
  }

  private dispatch(page: PageInstance, event: Record<string, unknown>): void {
    if (typeof page.eh !== 'function') throw new Error(`page ${page.route} has no eh: Taro's event handler moved`);
    page.eh.call(page, event);
  }
}

/** `/packages/order/pay?orderId=1` -> route `packages/order/pay`, query `{ orderId: '1' }`. */
function parseUrl(url: string, from: string | null): { route: string; query: Record<string, string> } {
  const [path = '', search = ''] = url.split('?');
  let route = path.startsWith('/') ? path.slice(1) : from ? relative('.', join(dirname(from), path)) : path;
  route = route.replace(/\.js$/, '');
  // WeChat's own parsing: values stay encoded, a value stops at its next '=', a key without one reads 'undefined'.
  const query: Record<string, string> = {};
  for (const pair of search.split('&').filter(Boolean)) {
    const [key = '', value] = pair.split('=');
    query[key] = value ?? 'undefined';
  }
  return { route, query };
}
