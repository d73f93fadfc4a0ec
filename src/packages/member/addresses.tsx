import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { Button } from '@nutui/nutui-react-taro';
import type { AddressBook, MemberAddress } from '../../../cloudfunctions/core/contract';
import { call, newIdempotencyKey, toastError } from '../../api';
import { useAddresses } from '../../stores/addresses';
import { ListSkeleton } from '../../components/Skeletons';
import { EmptyState } from '../../components/EmptyState';
import { PrivacyPopup } from '../../components/PrivacyPopup';
import { addressText, importWechatAddress } from '../order/components/address';
import './addresses.scss';

/**
 * 收货地址: the member's address book (default first). With `?select=1` (from checkout) a tap picks
 * the address to ship to and goes back.
 */
export default function AddressesPage() {
  const selecting = useRouter().params.select === '1';
  const [book, setBook] = useState<AddressBook>();
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const selectedId = useAddresses((s) => s.selectedId);

  const load = () =>
    call('member.address.list', {})
      .then((b) => (setBook(b), setFailed(false)))
      .catch((err) => (setFailed(true), setBook((b) => b ?? { items: [], limit: 20 }), toastError(err)));
  useEffect(() => void load(), []);
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void load();
    shown.current = true;
  });

  const act = async (addressId: string, run: () => Promise<AddressBook>) => {
    setBusy(addressId);
    try {
      setBook(await run());
    } catch (err) {
      toastError(err);
      void load();
    } finally {
      setBusy(null);
    }
  };
  const setDefault = (a: MemberAddress) =>
    act(a.addressId, () =>
      call('member.address.setDefault', { addressId: a.addressId }, { idempotencyKey: newIdempotencyKey() }),
    );
  const remove = async (a: MemberAddress) => {
    const { confirm } = await Taro.showModal({
      title: '删除收货地址',
      content: `确定删除 ${a.name} 的地址吗？`,
      confirmText: '删除',
      confirmColor: '#C2410C',
    });
    if (!confirm) return;
    await act(a.addressId, () =>
      call('member.address.delete', { addressId: a.addressId }, { idempotencyKey: newIdempotencyKey() }),
    );
    if (selectedId === a.addressId) useAddresses.getState().select(null);
  };
  const pick = (a: MemberAddress) => {
    if (!selecting) return;
    useAddresses.getState().select(a.addressId);
    void Taro.navigateBack();
  };
  const add = () => {
    useAddresses.getState().setDraft(null);
    void Taro.navigateTo({
      url: selecting ? '/packages/member/addresses-edit?select=1' : '/packages/member/addresses-edit',
    });
  };
  const importWechat = async () => {
    const saved = await importWechatAddress();
    if (!saved) return;
    if (selecting) return void Taro.navigateBack();
    void load();
  };

  const full = !!book && book.items.length >= book.limit;
  return (
    <View className="page addresses" id="page-addresses">
      {!book ? (
        <ListSkeleton rows={3} />
      ) : book.items.length === 0 ? (
        failed ? (
          <EmptyState status="network" title="加载失败" actionText="重新加载" onAction={() => void load()} />
        ) : (
          <EmptyState id="addresses-empty" title="还没有收货地址" description="添加后，快递下单时可直接选用" />
        )
      ) : (
        <View className="addresses__list" id="address-list">
          {book.items.map((a) => (
            <View
              key={a.addressId}
              id={`address-${a.addressId}`}
              className={`address-item card ${selecting && selectedId === a.addressId ? 'is-selected' : ''}`}
            >
              <View className="address-item__body" onClick={() => pick(a)}>
                <View className="address-item__head">
                  <Text className="address-item__name">{a.name}</Text>
                  <Text className="address-item__phone">{a.phone}</Text>
                  {a.isDefault && (
                    <Text className="address-item__badge" id="address-default-badge">
                      默认
                    </Text>
                  )}
                </View>
                <Text className="address-item__text">{addressText(a)}</Text>
              </View>
              <View className="address-item__actions">
                {a.isDefault ? (
                  <Text className="address-item__hint">默认地址</Text>
                ) : (
                  <Text
                    className="address-item__act address-set-default"
                    id={`address-set-default-${a.addressId}`}
                    onClick={() => busy || void setDefault(a)}
                  >
                    设为默认
                  </Text>
                )}
                <View className="address-item__ops">
                  <Text
                    className="address-item__act address-item-edit"
                    id={`address-edit-${a.addressId}`}
                    onClick={() => {
                      useAddresses.getState().setDraft(null);
                      void Taro.navigateTo({
                        url: `/packages/member/addresses-edit?id=${encodeURIComponent(a.addressId)}`,
                      });
                    }}
                  >
                    编辑
                  </Text>
                  <Text
                    className="address-item__act address-delete"
                    id={`address-delete-${a.addressId}`}
                    onClick={() => busy || void remove(a)}
                  >
                    删除
                  </Text>
                </View>
              </View>
            </View>
          ))}
          <Text className="addresses__count">{`已保存 ${book.items.length} / ${book.limit} 个地址`}</Text>
        </View>
      )}
      <View className="order-bar addresses__bar">
        {process.env.TARO_ENV === 'weapp' && (
          <Button
            className="addresses__btn"
            id="address-import-wechat"
            disabled={full}
            onClick={() => void importWechat()}
          >
            从微信导入
          </Button>
        )}
        <Button type="primary" className="addresses__btn" id="address-add" disabled={full} onClick={add}>
          新增地址
        </Button>
      </View>
      <PrivacyPopup />
    </View>
  );
}
