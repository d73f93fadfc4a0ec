import type { Identity } from '../context';

/**
 * WeChat's capabilities as ports. Local mode implements them without WeChat; the cloud implements
 * them over wx-server-sdk. Later issues add pay, subscribe messages, wxacode and phone numbers here.
 */
export interface IdentityPort {
  /** Establishes the caller from what the transport carries (headers locally, WX context in the cloud). */
  identify(source: IdentitySource): Identity;
}

/** What an adapter knows about the transport of one call. */
export interface IdentitySource {
  headers?: Record<string, string | string[] | undefined>;
  /** The cloud function's WX context (OPENID, APPID, UNIONID), when running in WeChat Cloud. */
  wxContext?: { OPENID?: string; APPID?: string; UNIONID?: string };
}

export interface Platform {
  readonly name: 'local' | 'wechat';
  identity: IdentityPort;
}
