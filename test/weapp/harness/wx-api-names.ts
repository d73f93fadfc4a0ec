import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

// The WeChat API names the stub answers, sorted by how WeChat answers them. Taro reads `Taro.xxx`
// off the keys of `wx`, so these lists decide what the built bundle can call at all.

/**
 * APIs where WeChat asks the person holding the phone (a sheet, a camera, a consent): a test
 * scripts each one it reaches. An unscripted call fails the step, naming the API.
 */
export const USER_DECISION_APIS = [
  'chooseAddress',
  'requestPayment',
  'requestSubscribeMessage',
  'scanCode',
  'showModal',
  'showActionSheet',
  'chooseImage',
  'chooseMedia',
  'chooseMessageFile',
  'chooseLocation',
  'getLocation',
  'getUserProfile',
  'authorize',
  'openSetting',
  'openBusinessView',
  'saveImageToPhotosAlbum',
  'makePhoneCall',
  'openLocation',
] as const;

/** APIs WeChat guards with the privacy agreement (the 用户隐私保护指引 declares them). */
export const PRIVACY_GUARDED_APIS = [
  'chooseAddress',
  'chooseLocation',
  'getLocation',
  'chooseImage',
  'chooseMedia',
  'chooseMessageFile',
  'saveImageToPhotosAlbum',
  'getUserProfile',
] as const;

/** Synchronous and object-returning WeChat APIs that Taro passes through as they are (not promisified). */
const PLAIN_APIS = [
  'getStorageSync',
  'setStorageSync',
  'removeStorageSync',
  'clearStorageSync',
  'getStorageInfoSync',
  'getSystemInfoSync',
  'getWindowInfo',
  'getDeviceInfo',
  'getAppBaseInfo',
  'getSystemSetting',
  'getAppAuthorizeSetting',
  'getAccountInfoSync',
  'getLaunchOptionsSync',
  'getEnterOptionsSync',
  'getMenuButtonBoundingClientRect',
  'createSelectorQuery',
  'createIntersectionObserver',
  'createAnimation',
  'createCanvasContext',
  'createVideoContext',
  'createInnerAudioContext',
  'getFileSystemManager',
  'getUpdateManager',
  'getBackgroundAudioManager',
  'getRecorderManager',
  'nextTick',
  'canIUse',
  'reportAnalytics',
  'reportEvent',
  'onAppShow',
  'offAppShow',
  'onAppHide',
  'offAppHide',
  'onError',
  'offError',
  'onPageNotFound',
  'onUnhandledRejection',
  'onThemeChange',
  'onNetworkStatusChange',
  'onMemoryWarning',
  'onWindowResize',
  'offWindowResize',
  'onKeyboardHeightChange',
  'onNeedPrivacyAuthorization',
] as const;

/** Callback APIs Taro does not promisify for weapp but WeChat answers (they return a Promise when given no callbacks). */
const OTHER_ASYNC_APIS = [
  'request',
  'requestPayment',
  'requestOrderPayment',
  'getPrivacySetting',
  'requirePrivacyAuthorize',
  'openPrivacyContract',
  'openBusinessView',
  'openEmbeddedMiniProgram',
  'chooseMedia',
  'getUserProfile',
  'getPhoneNumber',
] as const;

/** Reads one `const needPromiseApis = new Set([...])` list out of a Taro package file. */
function promiseListOf(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const list = /const needPromiseApis = new Set\(\[([\s\S]*?)\]\)/.exec(source)?.[1];
  if (!list) throw new Error(`no needPromiseApis list in ${file}: Taro changed how it lists WeChat APIs`);
  return [...list.matchAll(/'([A-Za-z0-9]+)'/g)].map((m) => m[1]!);
}

/**
 * Every WeChat API name Taro knows: the promisified lists of `@tarojs/shared` and
 * `@tarojs/plugin-platform-weapp`, plus the plain ones. Taro builds `Taro.xxx` from the keys of `wx`,
 * so a name missing here would make `Taro.xxx` "not supported" in the bundle.
 */
export function taroApiNames(): { promised: string[]; all: string[] } {
  const require = createRequire(__filename);
  const shared = promiseListOf(require.resolve('@tarojs/shared/dist/native-apis.js'));
  const weapp = promiseListOf(require.resolve('@tarojs/plugin-platform-weapp/dist/runtime-utils.js'));
  const promised = [...new Set([...shared, ...weapp])];
  return { promised, all: [...new Set([...promised, ...PLAIN_APIS, ...OTHER_ASYNC_APIS])].sort() };
}
