import Taro from '@tarojs/taro';
import type { Envelope } from '../../cloudfunctions/core/contract';

/**
 * Self-hosted sign-in (TARO_APP_API_MODE=http): `wx.login` gives a one-time code, the gateway's
 * `POST /api/auth/login` trades it (code2session) for a signed session token, kept in storage until
 * a minute before it expires. `wx.login` shows the customer nothing, so this runs on the first call.
 */
const STORAGE_KEY = 'storefront.session';

interface StoredSession {
  token: string;
  expiresAt: string;
}

export const apiBase = () => process.env.TARO_APP_API_BASE ?? '';

let signingIn: Promise<string | Envelope<never>> | null = null;

async function signIn(): Promise<string | Envelope<never>> {
  const { code } = await Taro.login();
  const res = await Taro.request({
    url: `${apiBase()}/api/auth/login`,
    method: 'POST',
    header: { 'content-type': 'application/json' },
    data: { code },
  });
  const answer = res.data as Envelope<StoredSession>;
  if (!answer?.ok) return answer as Envelope<never>;
  Taro.setStorageSync(STORAGE_KEY, answer.data);
  return answer.data.token;
}

/** The session token, signing in when there is none or it is about to expire; a failed sign-in answers its envelope. */
export async function sessionToken(): Promise<string | Envelope<never>> {
  const stored = Taro.getStorageSync(STORAGE_KEY) as StoredSession | '';
  if (stored && Date.parse(stored.expiresAt) - Date.now() > 60_000) return stored.token;
  // One sign-in for the calls a page fires together.
  signingIn ??= signIn().finally(() => (signingIn = null));
  return signingIn;
}

/** Drops a token the gateway refused (SESSION_SECRET rotated), so the next call signs in again. */
export function forgetSession(): void {
  Taro.removeStorageSync(STORAGE_KEY);
}
