import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe } from 'vitest';
import type { Db } from '../../../cloudfunctions/core/db/db';
import { openPgliteFromTemplate } from '../../support/databases';
import { createCloud, type Cloud } from './cloud';
import { WeappHost, type PageInstance } from './host';
import type { ViewNode } from './tree';
import { createWx, type Answer, type Script, type WxControl } from './wx-stub';

const WEAPP_DIST = resolve(__dirname, '../../../dist/weapp');
const built = existsSync(resolve(WEAPP_DIST, 'app.json'));

/**
 * A suite over the built weapp bundle. `npm test` builds dist/weapp first and sets REQUIRE_BUILDS,
 * so there a missing build fails; a direct vitest run without a build skips and says why.
 */
export function describeWeapp(title: string, body: () => void): void {
  if (!built && process.env.REQUIRE_BUILDS !== '1') {
    console.log(`[weapp] skipping "${title}": dist/weapp is not built (npm run build:weapp; npm test does it).`);
    describe.skip(title, body);
    return;
  }
  describe(title, body);
}

/**
 * A walk's time limit: the first walk of a file also pays the database's first queries, and the
 * machine may be shared (vitest's default 30 s is too tight there).
 */
export const WALK_TIMEOUT = 120_000;

/** How long a step may keep the harness busy (server calls and timers due now) before it is a hang. */
const SETTLE_LIMIT_MS = 20_000;

/**
 * One phone running the mini program: the bundle loaded once in a `vm` context, WeChat's `wx`
 * stubbed and scripted, WeChat Cloud in process over a fresh copy of the seeded test database.
 */
export async function startWeapp(options: { db?: Db; dist?: string } = {}) {
  if (!existsSync(resolve(options.dist ?? WEAPP_DIST, 'app.json'))) {
    throw new Error(`dist/weapp is not built at ${options.dist ?? WEAPP_DIST}: run npm run build:weapp`);
  }
  const db = options.db ?? (await openPgliteFromTemplate());
  const cloud: Cloud = createCloud(db);
  const problems: Error[] = [];
  let inflight = 0;
  const track = async <T>(work: Promise<T>): Promise<T> => {
    inflight++;
    try {
      return await work;
    } finally {
      inflight--;
    }
  };
  let host: WeappHost;
  const control: WxControl = createWx({
    get timers() {
      return host.timers;
    },
    route: () => host.top()?.route ?? null,
    navigate: (api, o) => host.navigate(api, o),
    setTitle: (title) => {
      const top = host.top();
      if (top) top.title = title;
    },
    cloudCall: (name, data) => cloud.callFunction(name, data),
    request: (url, method, data) => cloud.request(url, method, data),
    login: () => `harness-code-${cloud.openid ?? 'anonymous'}`,
    track,
    problem: (error) => void problems.push(error),
  });
  host = new WeappHost(options.dist ?? WEAPP_DIST, control.wx);

  const failIfProblems = () => {
    const error = problems.shift() ?? (host.timers.errors.shift() as Error | undefined);
    problems.length = 0;
    host.timers.errors.length = 0;
    if (error) throw error;
  };

  /** Runs everything due now (timers at the current time, server calls, their answers) until quiet. */
  async function settle(): Promise<void> {
    const started = Date.now();
    let idle = 0;
    while (idle < 3) {
      await new Promise((r) => setImmediate(r));
      const ran = host.timers.hasDue() ? host.timers.runDue() : 0;
      idle = ran === 0 && inflight === 0 ? idle + 1 : 0;
      if (Date.now() - started > SETTLE_LIMIT_MS) {
        throw new Error(`the mini program did not settle within ${SETTLE_LIMIT_MS} ms (${inflight} server calls open)`);
      }
    }
    failIfProblems();
  }

  /** Moves the bundle's clock by `ms`, running each timer when its time comes. */
  async function advance(ms: number): Promise<void> {
    const end = host.timers.now + ms;
    await settle();
    for (let next = host.timers.nextAt(); next !== undefined && next <= end; next = host.timers.nextAt()) {
      host.timers.now = Math.max(host.timers.now, next);
      host.timers.runDue();
      await settle();
    }
    host.timers.now = end;
    await settle();
  }

  const page = (): PageInstance => {
    const top = host.top();
    if (!top) throw new Error('no page is open: launch() first');
    return top;
  };
  const view = () => host.view(page());

  /** `#id`, `.class`, or text the element shows; the innermost match, and it must be there. */
  function find(target: string | ViewNode): ViewNode {
    if (typeof target !== 'string') return target;
    const root = view();
    const hits = target.startsWith('#') || target.startsWith('.') ? root.queryAll(target) : root.byText(target);
    if (hits.length === 0) {
      throw new Error(`${page().route} shows no ${JSON.stringify(target)}; it shows: ${root.texts().join(' | ')}`);
    }
    return hits[0]!;
  }

  /**
   * `requestPayment` answered as a customer who pays: WeChat Pay books the transaction, delivers the
   * payment callback to the deployed payCallback, and the sheet closes with success.
   */
  const paysInWechat: Script = async (o) => {
    const answer = await track(cloud.pay(String(o.package)));
    if (answer.errcode !== 0) throw new Error(`payCallback refused the payment: ${answer.errmsg}`);
    return { ok: {} };
  };

  const h = {
    db,
    paysInWechat,
    cloud,
    host,
    wx: control,
    settle,
    advance,
    page,
    view,
    find,
    /** Whether the page on top shows `target` (`#id`, `.class` or text). */
    has(target: string): boolean {
      const root = view();
      return (
        (target.startsWith('#') || target.startsWith('.') ? root.queryAll(target) : root.byText(target)).length > 0
      );
    },
    /** The route on top of the stack, e.g. `packages/order/pay`. */
    get route(): string | undefined {
      return host.top()?.route;
    },
    stack: (): string[] => host.stack.map((p) => p.route),
    /** Every text the page on top shows, in order, one per text node. */
    texts: (): string[] => view().texts(),
    /** The toasts shown so far (titles). */
    toasts: (): string[] => control.toasts.map((t) => t.title),
    /** The WeChat user the phone is signed in as (`getWXContext().OPENID` for every call). */
    signIn(openid: string) {
      cloud.signIn(openid);
    },
    /** Cold start at `url` (default 首页), then settles. */
    async launch(url = '/pages/home/index') {
      host.launch(url);
      await settle();
    },
    /** Opens `url` as a new entry would (a share card, a scanned code): reLaunch (or the cold start), then settles. */
    async open(url: string) {
      if (!host.launched) return h.launch(url);
      const answer = host.navigate('reLaunch', { url });
      if ('fail' in answer) throw new Error(answer.fail);
      await settle();
    },
    /** A tap on WeChat's own tab bar (not part of the page): `首页`, `分类`, `购物车`, `我的`. */
    async tabBar(text: string) {
      const tabs = host.appJson.tabBar?.list ?? [];
      const tab = tabs.find((t) => t.text === text);
      if (!tab) throw new Error(`the tab bar has no ${text}: ${tabs.map((t) => t.text).join(', ')}`);
      const answer = host.navigate('switchTab', { url: `/${tab.pagePath}` });
      if ('fail' in answer) throw new Error(answer.fail);
      await settle();
    },
    /**
     * A tap, bubbling like WeChat's. A button with `open-type="agreePrivacyAuthorization"` also does
     * what WeChat does for it: the privacy agreement is given and `agreeprivacyauthorization` fires.
     */
    async tap(target: string | ViewNode) {
      const node = find(target);
      const current = page();
      host.tap(current, node);
      if (node.tag === 'button' && node.attr('open-type') === 'agreePrivacyAuthorization') {
        control.privacy.agreed = true;
        control.privacy.agreeButtons.push(node.id);
        host.fire(current, node, 'agreeprivacyauthorization', {});
      }
      await settle();
    },
    /** Types into an input (the element itself, or the first input inside it): one `input` event. */
    async input(target: string | ViewNode, value: string) {
      const node = find(target);
      const field = node.tag === 'input' || node.tag === 'textarea' ? node : node.findAll((n) => n.tag === 'input')[0];
      if (!field) throw new Error(`no input at ${node.describe()}`);
      host.fire(page(), field, 'input', { value, cursor: value.length, keyCode: 0 });
      await settle();
    },
    /**
     * Focuses an input. A `type="nickname"` input is where WeChat checks the privacy agreement
     * first: without it, the page's `onNeedPrivacyAuthorization` listener is asked.
     */
    async focus(target: string | ViewNode) {
      const node = find(target);
      const field = node.tag === 'input' ? node : node.findAll((n) => n.tag === 'input')[0];
      if (!field) throw new Error(`no input at ${node.describe()}`);
      if (field.attr('type') === 'nickname' && !control.privacy.agreed) void control.privacyGate('input.nickname');
      host.fire(page(), field, 'focus', { value: String(field.attr('value') ?? ''), height: 0 });
      await settle();
    },
    /**
     * Advances the clock in steps of `step` ms (popups animating, a page polling) until `check`
     * holds, up to `within` ms; fails with what the page shows instead.
     */
    async waitFor(check: string | (() => boolean), { within = 3000, step = 100 } = {}) {
      const ok = () => (typeof check === 'string' ? h.has(check) : check());
      await settle();
      for (let waited = 0; !ok(); waited += step) {
        if (waited >= within) {
          throw new Error(
            `${h.route}: still no ${typeof check === 'string' ? JSON.stringify(check) : 'match'} after ${within} ms; it shows: ${h.texts().join(' | ')}`,
          );
        }
        await advance(step);
      }
    },
    async close() {
      if (!options.db) await db.close();
    },
  };
  return h;
}

export type Weapp = Awaited<ReturnType<typeof startWeapp>>;
