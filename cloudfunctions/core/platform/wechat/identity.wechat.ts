import type { IdentityPort, IdentitySource } from '../platform';

/**
 * In WeChat Cloud the caller is whoever WeChat says: `cloud.getWXContext().OPENID`, which the
 * cloud adapter passes in. A call with no OPENID (a timer, or a call from the console) is anonymous.
 */
export const wechatIdentity: IdentityPort = {
  identify(source: IdentitySource) {
    const openid = source.wxContext?.OPENID;
    return openid ? { openid, source: 'wx-context' } : { openid: null, source: 'none' };
  },
};
