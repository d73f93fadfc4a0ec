import Taro from '@tarojs/taro';
import type { Address } from '../../../../cloudfunctions/core/contract';
import { readStored, writeStored } from '../../../stores/storage';

const KEY = 'order.lastAddress';

export const EMPTY_ADDRESS: Address = { name: '', phone: '', province: '', city: '', district: '', detail: '' };

export function lastAddress(): Address | null {
  const stored = readStored<Address | null>(KEY, null);
  return stored && typeof stored === 'object' ? { ...EMPTY_ADDRESS, ...stored } : null;
}

export function rememberAddress(address: Address): void {
  writeStored(KEY, address);
}

/** Why the address cannot be sent yet (the same limits the server's schema checks), or null. */
export function addressProblem(a: Address | null): string | null {
  if (!a) return '请填写收货地址';
  if (!a.name.trim()) return '请填写收货人';
  if (!/^1\d{10}$/.test(a.phone.trim())) return '请填写 11 位手机号';
  if (!a.province.trim() || !a.city.trim()) return '请填写省份和城市';
  if (!a.detail.trim()) return '请填写详细地址';
  return null;
}

export function addressText(a: Address): string {
  return `${a.province}${a.city === a.province ? '' : a.city}${a.district}${a.detail}`;
}

/** weapp: WeChat's own address book; the answer maps field by field onto our `Address`. */
export async function chooseWechatAddress(): Promise<Address | null> {
  try {
    const r = await Taro.chooseAddress();
    return {
      name: r.userName,
      phone: r.telNumber,
      province: r.provinceName,
      city: r.cityName,
      district: r.countyName,
      detail: r.detailInfo,
    };
  } catch {
    // The customer closed the address book (or denied access): keep what we had.
    return null;
  }
}
