import { Text, View } from '@tarojs/components';
import { ArrowRight, Location, Store } from '@nutui/icons-react-taro';
import type { Address, DeliveryType } from '../../../../cloudfunctions/core/contract';
import { AddressForm } from './AddressForm';
import { addressText, chooseWechatAddress } from './address';

const DELIVERY_TEXT: Record<DeliveryType, string> = { express: '快递配送', pickup: '门店自提' };

interface Props {
  options: DeliveryType[];
  type: DeliveryType;
  onType: (t: DeliveryType) => void;
  address: Address;
  onAddress: (a: Address) => void;
}

/** 快递配送 / 门店自提 (only the types every line allows), with the address for express. */
export function DeliveryCard({ options, type, onType, address, onAddress }: Props) {
  const pick = async () => {
    const chosen = await chooseWechatAddress();
    if (chosen) onAddress(chosen);
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
        <View className="delivery__pickup">
          <Store size={20} color="#3F6B57" />
          <View className="delivery__text">
            <Text className="delivery__main">门店自提</Text>
            <Text className="delivery__sub">付款后门店备货，备好后凭 6 位提货码到店提货</Text>
          </View>
        </View>
      ) : process.env.TARO_ENV === 'h5' ? (
        <AddressForm value={address} onChange={onAddress} />
      ) : (
        <View className="delivery__pickup" id="address-choose" onClick={() => void pick()}>
          <Location size={20} color="#3F6B57" />
          <View className="delivery__text">
            {address.name ? (
              <>
                <Text className="delivery__main">{`${address.name}  ${address.phone}`}</Text>
                <Text className="delivery__sub">{addressText(address)}</Text>
              </>
            ) : (
              <Text className="delivery__main">请选择收货地址</Text>
            )}
          </View>
          <ArrowRight size={14} color="#9A918A" />
        </View>
      )}
    </View>
  );
}
