import type { Address } from '../../../../cloudfunctions/core/contract';

export function addressText(a: Address): string {
  return `${a.province}${a.city === a.province ? '' : a.city}${a.district}${a.detail}`;
}

/**
 * What a failed `chooseAddress` means, from WeChat's `errMsg`: the customer closing the sheet is a
 * cancel (say nothing); anything else opens the form, with these words saying why. A refused
 * authorisation or privacy consent (`auth deny`, `authorize:fail`, `privacy ...`) is told apart from
 * other failures (an undeclared API, an old WeChat).
 */
export function chooseAddressFailure(errMsg: string): { kind: 'cancelled' } | { kind: 'unavailable'; reason: string } {
  if (/fail[: ]+cancel/i.test(errMsg)) return { kind: 'cancelled' };
  if (/auth|privacy|deny|denied/i.test(errMsg)) {
    return { kind: 'unavailable', reason: '未获得微信通讯地址授权，请手动填写收货地址' };
  }
  return { kind: 'unavailable', reason: '暂时无法使用微信地址，请手动填写收货地址' };
}
