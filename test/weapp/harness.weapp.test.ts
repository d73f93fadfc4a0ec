import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWeapp, startWeapp, type Weapp } from './harness';
import { TEXT_NN } from './harness/templates';
import { pathSteps } from './harness/tree';

const SRC = resolve(__dirname, '../../src');
/** `Taro.x` members Taro makes itself rather than taking from `wx` (components, its own request chain). */
const TARO_OWN = new Set(['Canvas', 'Image', 'cloud', 'env', 'request', 'getCurrentInstance', 'getCurrentPages']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const path = join(dir, e);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(e) ? [path] : [];
  });
}

/**
 * What the harness relies on inside Taro 4.2.1's output: the `base.wxml` template numbering (`nn`),
 * the `.[i]` setData paths, the page's `eh` event handler, and Taro's lists of WeChat APIs. When a Taro
 * upgrade changes one of them, this suite fails first and names it.
 */
describeWeapp('weapp harness: the Taro internals it depends on', () => {
  let h: Weapp;
  beforeAll(async () => {
    h = await startWeapp();
    h.signIn('weapp-smoke');
    await h.launch();
  });
  afterAll(async () => h?.close());

  it('base.wxml numbers its node kinds as the harness reads them', () => {
    const byTag = (tag: string) => [...h.host.templates.values()].filter((t) => t.tag === tag);
    expect(h.host.templates.get(TEXT_NN)?.tag).toBe('#text');
    expect(byTag('view').some((t) => t.events.has('tap'))).toBe(true);
    expect(byTag('view').some((t) => !t.events.has('tap'))).toBe(true);
    expect(byTag('button').every((t) => t.events.has('tap') && t.fields.get('disabled'))).toBe(true);
    expect(byTag('input').every((t) => t.events.has('input') && t.fields.get('value'))).toBe(true);
    expect(byTag('text').length).toBeGreaterThan(0);
    expect(byTag('image').length).toBeGreaterThan(0);
  });

  it('every node 首页 renders is a kind base.wxml knows, with a Taro element id', () => {
    const nodes = [...h.view().walk()].slice(1);
    expect(nodes.length).toBeGreaterThan(50);
    expect(nodes.filter((n) => n.tag.startsWith('?')).map((n) => n.nn)).toEqual([]);
    expect(nodes.filter((n) => n.nn !== TEXT_NN && !n.sid)).toEqual([]);
    expect(nodes.filter((n) => n.nn === TEXT_NN).every((n) => typeof n.raw.v === 'string')).toBe(true);
  });

  it("Taro's setData keys are paths from root with .[i] indexes", () => {
    const keys = h.host.setDataKeys;
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((k) => k.startsWith('root.'))).toBe(true);
    expect(keys.some((k) => /^root\.cn\.\[\d+\]\./.test(k))).toBe(true);
    expect(pathSteps('root.cn.[0].cn.[12].p25')).toEqual(['root', 'cn', 0, 'cn', 12, 'p25']);
  });

  it("a tap reaches React through the page's eh", async () => {
    expect(typeof h.page().eh).toBe('function');
    const category = h.view().queryAll('.home-cats__item')[0]!;
    const name = category.text();
    await h.tap(category);
    expect(h.route).toBe('packages/goods/list');
    expect(h.page().title).toBe(name);
    await h.open('/pages/home/index');
  });

  it("the wx stub carries every API name in Taro's lists and every one the client calls", () => {
    const { promised, all } = h.wx.names;
    for (const api of ['chooseAddress', 'scanCode', 'requestSubscribeMessage', 'navigateTo', 'getUserProfile'])
      expect(promised).toContain(api);
    expect(all.length).toBeGreaterThan(150);
    for (const api of all) expect(typeof h.wx.wx[api], api).not.toBe('undefined');
    const used = new Set(
      sourceFiles(SRC).flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/\bTaro\.([a-zA-Z]+)/g)].map((m) => m[1]!)),
    );
    const missing = [...used].filter((api) => !TARO_OWN.has(api) && typeof h.wx.wx[api] !== 'function');
    expect(missing).toEqual([]);
  });

  it('an API the user decides on fails the step when the test did not script it', async () => {
    h.wx.wx.chooseAddress({ success: () => undefined });
    await expect(h.settle()).rejects.toThrow(/wx\.chooseAddress was called .* did not script it/);
  });

  it('navigation answers like WeChat: tab pages only through switchTab, unknown pages refused', () => {
    expect(h.host.navigate('navigateTo', { url: '/pages/cart/index' })).toEqual({
      fail: 'can not navigateTo a tabbar page',
    });
    expect(h.host.navigate('switchTab', { url: '/packages/goods/list' })).toEqual({
      fail: 'can not switch to no-tabBar page',
    });
    expect(h.host.navigate('navigateTo', { url: '/packages/nowhere/page' })).toEqual({
      fail: 'page "packages/nowhere/page" is not found',
    });
  });

  it('WeChat Cloud: unknown functions and the payment callback are refused to the client; wx.request reaches the dispatcher', async () => {
    expect(await h.cloud.callFunction('nope', {})).toMatchObject({ errCode: -501000 });
    // A client invoking payCallback is not WeChat Pay: refused, nothing recorded.
    expect(await h.cloud.callFunction('payCallback', { outTradeNo: 'x' })).toEqual({
      result: { errcode: 1, errmsg: 'refused: only WeChat Pay may invoke this function' },
    });
    const answer = await new Promise<{ statusCode: number; data: { ok: boolean } }>((done) => {
      h.wx.wx.request({
        url: 'https://shop.example.com/api/fn/catalog',
        method: 'POST',
        data: { action: 'home', data: {} },
        success: done,
      });
      void h.settle();
    });
    expect(answer.statusCode).toBe(200);
    expect(answer.data.ok).toBe(true);
  });
});
