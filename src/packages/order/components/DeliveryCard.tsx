import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { ArrowRight, Location, Store } from '@nutui/icons-react-taro';
import type { DeliveryType, MemberAddress, PickupShopChoice } from '../../../../cloudfunctions/core/contract';
import { addressText, importWechatAddress, openAddressForm } from './address';
import { PickupShopPicker } from './PickupShopPicker';

const DELIVERY_TEXT: Record<DeliveryType, string> = { express: '快递配送', pickup: '门店自提' };

interface Props {
  options: DeliveryType[];
  type: DeliveryType;
  onType: (t: DeliveryType) => void;
  /** The address checkout ships to (from the member's book); null when the book is empty. */
  address: MemberAddress | null;
  /** Still loading the book. */
  loadingBook: boolean;
  /** An address was just added to the book from WeChat: ship there. */
  onAddress: (a: MemberAddress) => void;
  /** Pickup: the shops to collect at (server order), the chosen one, and a granted position. */
  shops: PickupShopChoice[];
  shopId: string | undefined;
  onShop: (shopId: string) => void;
  onLocated: (near: { latitude: number; longitude: number }) => void;
}

/**
 * 快递配送 / 门店自提 (only the types every line allows; pickup names its shop). Express ships to an address of the member's
 * book: the default or the one chosen there. An empty book offers 新增地址 (the form) and, on weapp,
 * 从微信导入 (WeChat's address book, saved to ours; a refusal opens the form and says why).
 */
export function DeliveryCard(props: Props) {
  const { options, type, onType, address, loadingBook, onAddress } = props;
  const importWechat = async () => {
    const saved = await importWechatAddress();
    if (saved) onAddress(saved);
  };
  return (
    <View className="delivery card" id="delivery-card">
      <View className="delivery__switch">
        {(['express', 'pickup'] as const)
          .filter((t) => options.includes(t))
          .map((t) => (
            <View
              key={t}
              id={`delivery-${t}`}
              className={`delivery__opt ${t === type ? 'is-active' : ''}`}
              onClick={() => onType(t)}
            >
              {DELIVERY_TEXT[t]}
            </View>
          ))}
      </View>
      {type === 'pickup' ? (
        <>
          <View className="delivery__pickup">
            <Store size={20} color="#3F6B57" />
            <View className="delivery__text">
              <Text className="delivery__main">门店自提</Text>
              <Text className="delivery__sub">付款后门店备货，备好后凭 6 位提货码到店提货</Text>
            </View>
          </View>
          <PickupShopPicker
            shops={props.shops}
            selected={props.shopId}
            onSelect={props.onShop}
            onLocated={props.onLocated}
          />
        </>
      ) : address ? (
        <View
          className="delivery__pickup"
          id="address-choose"
          onClick={() => void Taro.navigateTo({ url: '/packages/member/addresses?select=1' })}
        >
          <Location size={20} color="#3F6B57" />
          <View className="delivery__text" id="delivery-address">
            <Text className="delivery__main">{`${address.name}  ${address.phone}`}</Text>
            <Text className="delivery__sub">{addressText(address)}</Text>
          </View>
          <ArrowRight size={14} color="#9A918A" />
        </View>
      ) : (
        <View className="delivery__empty" id="address-missing">
          <View className="delivery__pickup">
            <Location size={20} color="#3F6B57" />
            <Text className="delivery__main">{loadingBook ? '正在读取收货地址…' : '请添加收货地址'}</Text>
          </View>
          {!loadingBook && (
            <View className="delivery__actions">
              {process.env.TARO_ENV === 'weapp' && (
                <Button size="small" id="address-import-wechat" onClick={() => void importWechat()}>
                  从微信导入
                </Button>
              )}
              <Button size="small" type="primary" id="address-add" onClick={() => openAddressForm(null)}>
                新增地址
              </Button>
            </View>
          )}
        </View>
      )}
    </View>
  );
}
