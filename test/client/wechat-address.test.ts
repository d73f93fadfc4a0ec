import { describe, expect, it } from 'vitest';
import { addressText, chooseAddressFailure } from '../../src/packages/order/components/address-text';

describe("WeChat's address book, when it does not answer an address", () => {
  it('says nothing when the customer closed it', () => {
    expect(chooseAddressFailure('chooseAddress:fail cancel')).toEqual({ kind: 'cancelled' });
  });

  it('opens the form saying authorisation was refused', () => {
    for (const msg of [
      'chooseAddress:fail auth deny',
      'authorize:fail auth deny',
      'chooseAddress:fail privacy permission is not authorized',
    ]) {
      expect(chooseAddressFailure(msg), msg).toEqual({
        kind: 'unavailable',
        reason: '未获得微信通讯地址授权，请手动填写收货地址',
      });
    }
  });

  it('opens the form for any other failure, an undeclared API included', () => {
    const msg = 'chooseAddress:fail the api need to be declared in the requiredPrivateInfos field in app.json';
    expect(chooseAddressFailure(msg)).toEqual({
      kind: 'unavailable',
      reason: '暂时无法使用微信地址，请手动填写收货地址',
    });
  });
});

describe('an address as one line', () => {
  it('does not repeat a municipality as its own city', () => {
    const base = { name: '林晓', phone: '13800138000', detail: '南京西路 1515 号' };
    expect(addressText({ ...base, province: '上海市', city: '上海市', district: '静安区' })).toBe(
      '上海市静安区南京西路 1515 号',
    );
    expect(addressText({ ...base, province: '浙江省', city: '杭州市', district: '西湖区' })).toBe(
      '浙江省杭州市西湖区南京西路 1515 号',
    );
  });
});
