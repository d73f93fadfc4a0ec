import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as store from '../../src/stores/privacy';
import { saveImageToAlbum } from '../../src/utils/album';

/** A stand-in for the parts of Taro the privacy store and the album helper call, per test. */
const taro = vi.hoisted(() => ({
  onNeedPrivacyAuthorization: vi.fn(),
  requirePrivacyAuthorize: vi.fn(),
  getCurrentPages: vi.fn(() => [{ route: 'packages/member/profile' }]),
  showModal: vi.fn(async () => ({ confirm: true, cancel: false })),
  saveImageToPhotosAlbum: vi.fn(),
  openSetting: vi.fn(),
}));
// Hoisted above the imports: the store and the helper see this Taro.
vi.mock('@tarojs/taro', () => ({ default: taro }));

beforeEach(() => {
  vi.stubEnv('TARO_ENV', 'weapp');
  store.usePrivacy.setState({ request: null, refused: null, hosts: {} });
  for (const fn of Object.values(taro)) fn.mockClear();
});
afterEach(() => vi.unstubAllEnvs());

/** Registers the app's listener and returns what WeChat would call. */
function listener() {
  store.registerPrivacyListener();
  expect(taro.onNeedPrivacyAuthorization).toHaveBeenCalledTimes(1);
  return taro.onNeedPrivacyAuthorization.mock.calls[0]![0] as (
    resolve: (o: unknown) => void,
    info: { referrer: string },
  ) => void;
}

describe('privacy consent (onNeedPrivacyAuthorization)', () => {
  it('opens the popup on a page that hosts one; 同意 resolves agree with the button id', () => {
    const release = store.hostPrivacyPopup('packages/member/profile');
    const resolve = vi.fn();
    listener()(resolve, { referrer: 'input.nickname' });
    expect(store.usePrivacy.getState().request).toEqual({ referrer: 'input.nickname' });
    store.reportPrivacyExposure();
    store.agreePrivacy();
    expect(resolve.mock.calls).toEqual([
      [{ event: 'exposureAuthorization' }],
      [{ event: 'agree', buttonId: store.PRIVACY_AGREE_BUTTON_ID }],
    ]);
    expect(store.usePrivacy.getState()).toMatchObject({ request: null, refused: null });
    release();
  });

  it('拒绝 fails the pending call and remembers what was refused; the next call asks again', () => {
    const release = store.hostPrivacyPopup('packages/member/profile');
    const first = vi.fn();
    const ask = listener();
    ask(first, { referrer: 'button.getPhoneNumber' });
    store.refusePrivacy();
    expect(first).toHaveBeenCalledWith({ event: 'disagree' });
    expect(store.usePrivacy.getState()).toMatchObject({ request: null, refused: 'button.getPhoneNumber' });
    // Hiding the popup afterwards is no second answer.
    store.refusePrivacy();
    expect(first).toHaveBeenCalledTimes(1);
    const second = vi.fn();
    ask(second, { referrer: 'button.getPhoneNumber' });
    expect(store.usePrivacy.getState().request).toEqual({ referrer: 'button.getPhoneNumber' });
    store.agreePrivacy();
    expect(second).toHaveBeenCalledWith({ event: 'agree', buttonId: 'privacy-agree' });
    expect(store.usePrivacy.getState().refused).toBeNull();
    release();
  });

  it('a newer request refuses the unanswered older one instead of leaving it pending', () => {
    const release = store.hostPrivacyPopup('packages/member/profile');
    const older = vi.fn();
    const newer = vi.fn();
    const ask = listener();
    ask(older, { referrer: 'setClipboardData' });
    ask(newer, { referrer: 'saveImageToPhotosAlbum' });
    expect(older).toHaveBeenCalledWith({ event: 'disagree' });
    expect(newer).not.toHaveBeenCalled();
    release();
  });

  it('a page without a popup gets a refusal and a modal, never a call left waiting', () => {
    const resolve = vi.fn();
    listener()(resolve, { referrer: 'chooseAddress' });
    expect(resolve).toHaveBeenCalledWith({ event: 'disagree' });
    expect(taro.showModal).toHaveBeenCalledTimes(1);
    expect(store.usePrivacy.getState().request).toBeNull();
  });

  it('registers nothing outside weapp', () => {
    vi.stubEnv('TARO_ENV', 'h5');
    store.registerPrivacyListener();
    expect(taro.onNeedPrivacyAuthorization).not.toHaveBeenCalled();
  });
});

describe('saving to the album', () => {
  it('a refused album scope offers openSetting and retries once it is switched on', async () => {
    taro.saveImageToPhotosAlbum
      .mockRejectedValueOnce({ errMsg: 'saveImageToPhotosAlbum:fail auth deny' })
      .mockResolvedValueOnce({});
    taro.openSetting.mockResolvedValueOnce({ authSetting: { 'scope.writePhotosAlbum': true } });
    await expect(saveImageToAlbum('/tmp/poster.png', '海报')).resolves.toBe(true);
    expect(taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ confirmText: '去设置' }));
    expect(taro.saveImageToPhotosAlbum).toHaveBeenCalledTimes(2);
  });

  it('left off in the settings: not saved, no retry', async () => {
    taro.saveImageToPhotosAlbum.mockRejectedValueOnce({ errMsg: 'saveImageToPhotosAlbum:fail auth deny' });
    taro.openSetting.mockResolvedValueOnce({ authSetting: { 'scope.writePhotosAlbum': false } });
    await expect(saveImageToAlbum('/tmp/poster.png')).resolves.toBe(false);
    expect(taro.saveImageToPhotosAlbum).toHaveBeenCalledTimes(1);
  });

  it('a privacy refusal explains itself and does not send the member to the settings', async () => {
    taro.saveImageToPhotosAlbum.mockRejectedValueOnce({
      errMsg: 'saveImageToPhotosAlbum:fail privacy permission is not authorized',
    });
    await expect(saveImageToAlbum('/tmp/poster.png')).resolves.toBe(false);
    expect(taro.openSetting).not.toHaveBeenCalled();
    expect(taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ showCancel: false }));
  });

  it('any other failure is thrown to the caller', async () => {
    taro.saveImageToPhotosAlbum.mockRejectedValueOnce({ errMsg: 'saveImageToPhotosAlbum:fail file not found' });
    await expect(saveImageToAlbum('/tmp/missing.png')).rejects.toEqual({
      errMsg: 'saveImageToPhotosAlbum:fail file not found',
    });
  });
});
