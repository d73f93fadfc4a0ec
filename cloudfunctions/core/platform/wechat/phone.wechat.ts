import type { PhoneExchange, PhonePort } from '../platform';
import type { WxServerSdk } from './sdk';

/**
 * The phone number behind a getPhoneNumber code, through the cloud's openapi (no access token to
 * manage): `cloud.openapi.phonenumber.getPhoneNumber({ code })`. The cloud SDK answers camelCase
 * (`errCode`, `phoneInfo`); the HTTP API's snake_case (`errcode`, `phone_info`) is read too.
 * Each code is single-use and expires after 5 minutes, so a failure asks the member to tap again.
 */
export function createWechatPhone(sdk: WxServerSdk): PhonePort {
  return {
    async exchange(code: string): Promise<PhoneExchange> {
      const api = sdk.openapi?.phonenumber;
      if (!api) return { ok: false, reason: 'openapi.phonenumber is not available' };
      let res: Record<string, any>;
      try {
        res = await api.getPhoneNumber({ code });
      } catch (error) {
        // The SDK throws for WeChat errors (invalid or used code: 40029, 40013...).
        const e = error as { errCode?: number; errMsg?: string; message?: string };
        return { ok: false, reason: `getPhoneNumber failed: ${e.errCode ?? ''} ${e.errMsg ?? e.message ?? ''}`.trim() };
      }
      const errCode = res.errCode ?? res.errcode ?? 0;
      const info = res.phoneInfo ?? res.phone_info;
      if (errCode !== 0 || !info)
        return { ok: false, reason: `getPhoneNumber errCode ${errCode} ${res.errMsg ?? res.errmsg ?? ''}`.trim() };
      const pure = String(info.purePhoneNumber ?? '');
      const country = String(info.countryCode ?? '');
      if (!/^\d{5,20}$/.test(pure) || !/^\d{1,4}$/.test(country))
        return { ok: false, reason: 'getPhoneNumber returned no usable number' };
      return { ok: true, phoneNumber: pure, countryCode: country };
    },
  };
}
