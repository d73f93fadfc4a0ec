import Taro from '@tarojs/taro';
import type { Address, MemberAddress } from '../../../../cloudfunctions/core/contract';
import { ApiError, call, newIdempotencyKey } from '../../../api';
import { useAddresses } from '../../../stores/addresses';
import { chooseAddressFailure } from './address-text';

export { addressText } from './address-text';

/** What `chooseAddress` came back with. */
export type WechatAddressAnswer =
  { kind: 'chosen'; address: Address } | { kind: 'cancelled' } | { kind: 'unavailable'; reason: string };

/**
 * weapp: WeChat's own address book. The customer closing it is a cancel (say nothing); a refused
 * authorisation, a privacy refusal or an undeclared API is `unavailable`, with the words to show above
 * the form that replaces it.
 */
async function chooseWechatAddress(): Promise<WechatAddressAnswer> {
  try {
    const r = await Taro.chooseAddress();
    return {
      kind: 'chosen',
      address: {
        name: r.userName ?? '',
        phone: r.telNumber ?? '',
        province: r.provinceName ?? '',
        city: r.cityName ?? '',
        district: r.countyName ?? '',
        detail: r.detailInfo ?? '',
      },
    };
  } catch (err) {
    return chooseAddressFailure(String((err as { errMsg?: unknown } | null)?.errMsg ?? err));
  }
}

/**
 * 从微信导入: saves the address WeChat hands over to the member's book and answers it. When WeChat
 * refuses or the server does not accept the address (a region it does not know, say), it opens the
 * form instead, filled with what WeChat gave and a notice saying why; a cancel does nothing.
 */
export async function importWechatAddress(): Promise<MemberAddress | null> {
  const answer = await chooseWechatAddress();
  if (answer.kind === 'cancelled') return null;
  if (answer.kind === 'unavailable') {
    openAddressForm({ fields: {}, notice: answer.reason });
    return null;
  }
  try {
    const saved = await call('member.address.save', answer.address, { idempotencyKey: newIdempotencyKey() });
    useAddresses.getState().select(saved.address.addressId);
    return saved.address;
  } catch (err) {
    const reason = err instanceof ApiError ? err.message : '微信地址保存失败';
    openAddressForm({ fields: answer.address, notice: `${reason}（已填入微信地址，请核对后保存）` });
    return null;
  }
}

/** Opens the address form; after saving it selects the new address for checkout and comes back. */
export function openAddressForm(draft: { fields: Partial<Address>; notice: string } | null): void {
  useAddresses.getState().setDraft(draft);
  void Taro.navigateTo({ url: '/packages/member/addresses-edit?select=1' });
}
