import type { FakeTimers } from './timers';
import { PRIVACY_GUARDED_APIS, taroApiNames, USER_DECISION_APIS } from './wx-api-names';

/**
 * What a scripted WeChat API answers: success with these fields (`errMsg: '<api>:ok'` is added), or
 * failure with WeChat's `errMsg` (`'cancel'` becomes `'<api>:fail cancel'`).
 */
export type Answer = { ok: Record<string, unknown> } | { fail: string; errno?: number };
/** A fixed answer, or one computed from the call's options (may wait for the in-process server). */
export type Script = Answer | ((options: Record<string, any>) => Answer | Promise<Answer>);

interface WxCall {
  api: string;
  options: unknown;
  /** The route of the page on top when the call was made. */
  page: string | null;
  /** What WeChat answered (`errMsg` and the fields), once it has. */
  result?: Record<string, unknown>;
}

/** What the stub needs from the harness around it. */
interface WxHost {
  timers: FakeTimers;
  /** The route on top of the page stack. */
  route(): string | null;
  /** Page-stack navigation: answers like WeChat (fails for an unknown page, a non-tab switchTab ...). */
  navigate(api: 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch' | 'navigateBack', options: any): Answer;
  setTitle(title: string): void;
  cloudCall(name: string, data: unknown): Promise<{ result: unknown } | { errCode: number; errMsg: string }>;
  request(url: string, method: string, data: unknown): Promise<{ statusCode: number; data: unknown }>;
  login(): string;
  /** Keeps `settle()` waiting until this server work is done. */
  track<T>(work: Promise<T>): Promise<T>;
  /** Something the test must hear about (an unscripted user API): the current step fails with it. */
  problem(error: Error): void;
}

interface Toast {
  title: string;
  icon?: string;
  page: string | null;
}

/**
 * The `wx` global: every API name Taro knows, each call logged. Storage, system info, navigation,
 * toasts, `wx.cloud.callFunction` and `wx.request` are implemented; APIs where the user decides are
 * scripted per test; anything else answers `{ errMsg: '<api>:ok' }` asynchronously (async APIs) or
 * `undefined` (plain ones).
 */
export function createWx(host: WxHost) {
  const log: WxCall[] = [];
  const scripts = new Map<string, Script[]>();
  const storage = new Map<string, string>();
  const toasts: Toast[] = [];
  const privacyListeners: Array<(resolve: (r?: { event?: string; buttonId?: string }) => void, info: object) => void> =
    [];
  /**
   * The privacy agreement: agreed by default (a returning user); a new visitor's test sets
   * `agreed = false`. `asked` lists what triggered each consent request, `agreeButtons` the ids of the
   * agreePrivacyAuthorization buttons tapped.
   */
  const privacy = { agreed: true, asked: [] as string[], agreeButtons: [] as string[] };
  const names = taroApiNames();

  const errMsg = (api: string, answer: Answer) =>
    'ok' in answer
      ? { errMsg: `${api}:ok`, ...answer.ok }
      : {
          errMsg: answer.fail.startsWith(`${api}:`) ? answer.fail : `${api}:fail ${answer.fail}`,
          ...(answer.errno !== undefined ? { errno: answer.errno } : {}),
        };

  /** WeChat's async API contract: success/fail/complete callbacks, or a Promise when none is given. */
  function invoke(api: string, options: any, answer: (o: Record<string, any>) => Answer | Promise<Answer>) {
    const opts = options && typeof options === 'object' ? options : {};
    const call: WxCall = { api, options: opts, page: host.route() };
    log.push(call);
    const promiseStyle = !opts.success && !opts.fail && !opts.complete;
    let settle: { resolve: (v: unknown) => void; reject: (e: unknown) => void } | undefined;
    const promise = promiseStyle ? new Promise((resolve, reject) => (settle = { resolve, reject })) : undefined;
    const deliver = (a: Answer) =>
      host.timers.setTimeout(() => {
        const res = errMsg(api, a);
        call.result = res;
        if ('ok' in a) {
          opts.success?.(res);
          settle?.resolve(res);
        } else {
          opts.fail?.(res);
          settle?.reject(res);
        }
        opts.complete?.(res);
      }, 0);
    Promise.resolve()
      .then(() => answer(opts))
      .then(deliver, (error) => host.problem(error instanceof Error ? error : new Error(String(error))));
    return promise;
  }

  const scripted = (api: string) => async (opts: Record<string, any>) => {
    const queue = scripts.get(api);
    const script = queue && queue.length > 1 ? queue.shift()! : queue?.[0];
    if (!script) {
      throw new Error(
        `wx.${api} was called (page ${host.route()}) but this test did not script it: h.wx.answer('${api}', ...)`,
      );
    }
    return typeof script === 'function' ? script(opts) : script;
  };

  /** The privacy check WeChat runs before a guarded API: the page's listener decides, or the test does. */
  const privacyGate = (api: string): Promise<Answer | null> => {
    if (privacy.agreed) return Promise.resolve(null);
    privacy.asked.push(api);
    const refused: Answer = { fail: 'privacy permission is not authorized', errno: 104 };
    const listener = privacyListeners[privacyListeners.length - 1];
    if (!listener) return scripted('privacyPopup')({ api }).then((a) => ('ok' in a ? agree() : refused));
    return new Promise((resolve) =>
      listener(
        (r) => {
          // `exposureAuthorization` only reports that the page's popup is on screen: no decision yet.
          if (r?.event === 'exposureAuthorization') return;
          // WeChat takes an agreement only from a tapped agreePrivacyAuthorization button with that id.
          if (r?.event === 'agree' && privacy.agreed && privacy.agreeButtons.includes(String(r.buttonId)))
            resolve(null);
          else if (r?.event === 'agree') {
            host.problem(
              new Error(
                `privacy resolved 'agree' (button ${r.buttonId}) without a tapped agreePrivacyAuthorization button`,
              ),
            );
            resolve(refused);
          } else resolve(refused);
        },
        { referrer: api },
      ),
    );
  };
  const agree = () => {
    privacy.agreed = true;
    return null;
  };

  const userApi = (api: string) => (options: any) =>
    invoke(api, options, async (opts) => {
      if ((PRIVACY_GUARDED_APIS as readonly string[]).includes(api)) {
        const refused = await privacyGate(api);
        if (refused) return refused;
      }
      return scripted(api)(opts);
    });
  const okApi =
    (api: string, fields: (o: any) => Record<string, unknown> = () => ({})) =>
    (options: any) =>
      invoke(api, options, (o) => ({ ok: fields(o) }));

  const systemInfo = {
    brand: 'iPhone',
    model: 'iPhone 13',
    pixelRatio: 3,
    screenWidth: 390,
    screenHeight: 844,
    windowWidth: 390,
    windowHeight: 763,
    statusBarHeight: 47,
    language: 'zh_CN',
    version: '8.0.50',
    system: 'iOS 17.5',
    platform: 'ios',
    SDKVersion: '3.5.8',
    theme: 'light',
    safeArea: { top: 47, left: 0, right: 390, bottom: 810, width: 390, height: 763 },
  };
  /** `createSelectorQuery()` and friends: chainable, measuring every node as an empty box. */
  const chain = (): any =>
    new Proxy(function () {}, {
      get: (_t, key) => {
        if (key === 'exec')
          return (cb?: (r: unknown[]) => void) =>
            host.timers.setTimeout(() => cb?.([{ width: 0, height: 0, top: 0, left: 0, right: 0, bottom: 0 }]), 0);
        if (key === 'then') return undefined;
        return () => chain();
      },
    });

  const wx: Record<string, any> = {};
  for (const api of names.all) wx[api] = okApi(api);
  for (const api of USER_DECISION_APIS) wx[api] = userApi(api);

  Object.assign(wx, {
    // storage: JSON across, as WeChat stores it
    setStorageSync: (key: string, value: unknown) => void storage.set(key, JSON.stringify(value ?? null)),
    getStorageSync: (key: string) => (storage.has(key) ? JSON.parse(storage.get(key)!) : ''),
    removeStorageSync: (key: string) => void storage.delete(key),
    clearStorageSync: () => storage.clear(),
    getStorageInfoSync: () => ({ keys: [...storage.keys()], currentSize: 0, limitSize: 10240 }),
    setStorage: okApi('setStorage', (o) => (storage.set(o.key, JSON.stringify(o.data ?? null)), {})),
    getStorage: (options: any) =>
      invoke('getStorage', options, (o) =>
        storage.has(o.key) ? { ok: { data: JSON.parse(storage.get(o.key)!) } } : { fail: 'data not found' },
      ),
    removeStorage: okApi('removeStorage', (o) => (storage.delete(o.key), {})),
    clearStorage: okApi('clearStorage', () => (storage.clear(), {})),
    // the device
    getSystemInfoSync: () => ({ ...systemInfo }),
    getSystemInfo: okApi('getSystemInfo', () => ({ ...systemInfo })),
    getWindowInfo: () => ({ ...systemInfo }),
    getDeviceInfo: () => ({ ...systemInfo }),
    getAppBaseInfo: () => ({ ...systemInfo }),
    getSystemSetting: () => ({ bluetoothEnabled: false, locationEnabled: true, wifiEnabled: true }),
    getAppAuthorizeSetting: () => ({ cameraAuthorized: 'authorized', locationAuthorized: 'not determined' }),
    getAccountInfoSync: () => ({ miniProgram: { appId: 'wx0000000000000000', envVersion: 'develop', version: '' } }),
    getLaunchOptionsSync: () => ({ path: 'pages/home/index', query: {}, scene: 1001 }),
    getEnterOptionsSync: () => ({ path: 'pages/home/index', query: {}, scene: 1001 }),
    getMenuButtonBoundingClientRect: () => ({ width: 87, height: 32, top: 51, left: 296, right: 383, bottom: 83 }),
    canIUse: () => true,
    nextTick: (fn: () => void) => host.timers.setTimeout(fn, 0),
    createSelectorQuery: chain,
    createIntersectionObserver: chain,
    createAnimation: chain,
    createCanvasContext: chain,
    createVideoContext: chain,
    createInnerAudioContext: chain,
    getFileSystemManager: chain,
    getUpdateManager: chain,
    getBackgroundAudioManager: chain,
    getRecorderManager: chain,
    // navigation and the page frame
    navigateTo: (o: any) => invoke('navigateTo', o, (opts) => host.navigate('navigateTo', opts)),
    redirectTo: (o: any) => invoke('redirectTo', o, (opts) => host.navigate('redirectTo', opts)),
    switchTab: (o: any) => invoke('switchTab', o, (opts) => host.navigate('switchTab', opts)),
    reLaunch: (o: any) => invoke('reLaunch', o, (opts) => host.navigate('reLaunch', opts)),
    navigateBack: (o: any) => invoke('navigateBack', o, (opts) => host.navigate('navigateBack', opts)),
    setNavigationBarTitle: okApi('setNavigationBarTitle', (o) => (host.setTitle(String(o.title ?? '')), {})),
    showToast: okApi(
      'showToast',
      (o) => (toasts.push({ title: String(o.title ?? ''), icon: o.icon, page: host.route() }), {}),
    ),
    showLoading: okApi('showLoading'),
    // the server
    cloud: {
      init: (options: unknown) => void log.push({ api: 'cloud.init', options, page: host.route() }),
      callFunction: (options: any) =>
        invoke('cloud.callFunction', options, async (o) => {
          const answer = await host.track(host.cloudCall(String(o.name), o.data));
          return 'result' in answer
            ? { ok: { result: answer.result } }
            : { fail: answer.errMsg, errno: answer.errCode };
        }),
    },
    request: (options: any) => {
      const task = { abort: () => undefined, onHeadersReceived: () => undefined, offHeadersReceived: () => undefined };
      invoke('request', options, async (o) => {
        const res = await host.track(host.request(String(o.url), String(o.method ?? 'GET'), o.data));
        return { ok: { statusCode: res.statusCode, data: res.data, header: { 'content-type': 'application/json' } } };
      });
      return task;
    },
    login: okApi('login', () => ({ code: host.login() })),
    // privacy (base library 2.32.3+)
    onNeedPrivacyAuthorization: (listener: (typeof privacyListeners)[number]) => void privacyListeners.push(listener),
    getPrivacySetting: okApi('getPrivacySetting', () => ({
      needAuthorization: !privacy.agreed,
      privacyContractName: '《青禾会员商城隐私保护指引》',
    })),
    requirePrivacyAuthorize: (o: any) =>
      invoke('requirePrivacyAuthorize', o, async () => (await privacyGate('requirePrivacyAuthorize')) ?? { ok: {} }),
  });

  return {
    wx,
    names,
    log,
    storage,
    toasts,
    privacy,
    privacyGate,
    /** Every later call of `api` gets this answer (a list: one each, the last one repeating). */
    answer(api: string, ...answers: Script[]) {
      if (answers.length === 0) throw new Error('answer() needs at least one answer');
      scripts.set(api, answers);
    },
    calls(api?: string): WxCall[] {
      return api ? log.filter((c) => c.api === api) : [...log];
    },
  };
}

export type WxControl = ReturnType<typeof createWx>;
