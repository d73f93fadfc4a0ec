import type { IdentityPort, IdentitySource } from '../platform';

export const DEV_OPENID_HEADER = 'x-dev-openid';
const OPENID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Local sign-in: the `X-Dev-Openid` header names the member. Only when dev auth is enabled, and
 * never in production: createLocalIdentity refuses to build otherwise.
 */
export function createLocalIdentity(options: { devAuth: boolean; nodeEnv?: string }): IdentityPort {
  if (options.devAuth && options.nodeEnv === 'production') {
    throw new Error('DEV_AUTH=1 is refused when NODE_ENV=production: dev sign-in would let anyone be anyone');
  }
  return {
    identify(source: IdentitySource) {
      if (!options.devAuth) return { openid: null, source: 'none' };
      const raw = source.headers?.[DEV_OPENID_HEADER];
      const value = Array.isArray(raw) ? raw[0] : raw;
      if (!value || !OPENID_PATTERN.test(value)) return { openid: null, source: 'none' };
      return { openid: value, source: 'dev-header' };
    },
  };
}
