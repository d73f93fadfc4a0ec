import Taro from '@tarojs/taro';
import { create } from 'zustand';

/** WeChat's answer to one `onNeedPrivacyAuthorization` event: the pending private API waits for it. */
export type PrivacyResolve = (option: {
  event: 'exposureAuthorization' | 'agree' | 'disagree';
  buttonId?: string;
}) => void;

/** The `id` of the 同意 button: WeChat checks that a button with this id was really tapped. */
export const PRIVACY_AGREE_BUTTON_ID = 'privacy-agree';

interface PrivacyState {
  /** The request the popup shows (the API or component that asked), or null when none is pending. */
  request: { referrer: string } | null;
  /** The referrer of the last refused request, until the member agrees; pages explain what is disabled. */
  refused: string | null;
  /** Pages that render a PrivacyPopup (route without leading slash -> mounted count). */
  hosts: Record<string, number>;
}

// The resolver is a function from WeChat, not view state: it stays out of the store.
let pending: PrivacyResolve | null = null;

export const usePrivacy = create<PrivacyState>(() => ({ request: null, refused: null, hosts: {} }));

/** Shows the popup for one pending private API call; an older unanswered request is refused first. */
export function askPrivacyConsent(referrer: string, resolve: PrivacyResolve): void {
  pending?.({ event: 'disagree' });
  pending = resolve;
  usePrivacy.setState({ request: { referrer } });
}

/** Tells WeChat the popup is on screen (it counts exposures of custom privacy popups). */
export function reportPrivacyExposure(): void {
  pending?.({ event: 'exposureAuthorization' });
}

/** 同意: the pending call continues. Call only from the agreePrivacyAuthorization button's event. */
export function agreePrivacy(): void {
  pending?.({ event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID });
  pending = null;
  usePrivacy.setState({ request: null, refused: null });
}

/** 拒绝: the pending call fails ("privacy permission is not authorized"); the next call asks again. */
export function refusePrivacy(): void {
  const request = usePrivacy.getState().request;
  if (!request) return;
  const referrer = request.referrer || 'unknown';
  pending?.({ event: 'disagree' });
  pending = null;
  usePrivacy.setState({ request: null, refused: referrer });
}

export function hostPrivacyPopup(route: string): () => void {
  const change = (delta: number) =>
    usePrivacy.setState((s) => ({ hosts: { ...s.hosts, [route]: Math.max(0, (s.hosts[route] ?? 0) + delta) } }));
  change(1);
  return () => change(-1);
}

function currentRoute(): string {
  const pages = Taro.getCurrentPages();
  return pages[pages.length - 1]?.route ?? '';
}

/**
 * Registers the app's one `onNeedPrivacyAuthorization` listener (weapp, base library 2.32.3+). Once it
 * is registered WeChat no longer shows its own popup, so a page without a PrivacyPopup gets a modal
 * that names the guide and the call is refused rather than left waiting forever.
 */
export function registerPrivacyListener(): void {
  if (process.env.TARO_ENV !== 'weapp' || typeof Taro.onNeedPrivacyAuthorization !== 'function') return;
  Taro.onNeedPrivacyAuthorization((resolve, info) => {
    if ((usePrivacy.getState().hosts[currentRoute()] ?? 0) > 0) {
      askPrivacyConsent(info?.referrer ?? '', resolve);
      return;
    }
    resolve({ event: 'disagree' });
    void Taro.showModal({
      title: '需要同意隐私保护指引',
      content: '此功能会处理你的个人信息，请在「我的 > 个人资料」中阅读并同意《隐私保护指引》后再试。',
      showCancel: false,
    });
  });
}

/** 重新授权: asks WeChat to run the consent flow again; resolves true once the member agreed. */
export function requestPrivacyConsent(): Promise<boolean> {
  if (process.env.TARO_ENV !== 'weapp' || typeof Taro.requirePrivacyAuthorize !== 'function') {
    return Promise.resolve(false);
  }
  return new Promise((resolve) =>
    Taro.requirePrivacyAuthorize({ success: () => resolve(true), fail: () => resolve(false) }),
  );
}
