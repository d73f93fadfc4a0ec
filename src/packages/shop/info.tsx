import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro';
import { call } from '../../api';
import type { ShopCard } from '../../../cloudfunctions/core/contract';
import { useRemote } from '../../hooks/useRemote';
import { PageSkeleton } from '../../components/Skeletons';
import { EmptyState } from '../../components/EmptyState';
import { PrivacyPopup } from '../../components/PrivacyPopup';
import { AdvisorCard } from '../../components/AdvisorCard';
import './shop.scss';

/** WeChat's map sheet exists on weapp, and on H5 only inside WeChat's JS-SDK (`window.wx`). */
function hasMapSheet(): boolean {
  if (process.env.TARO_ENV !== 'h5') return true;
  return typeof (window as unknown as { wx?: { openLocation?: unknown } }).wx?.openLocation === 'function';
}

/**
 * The map. `openLocation` is WeChat's map sheet; a plain browser has none (Taro's H5 build answers
 * "success" without showing anything), so there the address goes to the clipboard instead and the
 * visitor opens it in any map app.
 */
async function openMap(shop: ShopCard) {
  if (shop.latitude !== null && shop.longitude !== null && hasMapSheet()) {
    try {
      await Taro.openLocation({
        latitude: shop.latitude,
        longitude: shop.longitude,
        name: shop.name,
        address: shop.address,
        scale: 17,
      });
      return;
    } catch {
      // fall through to the clipboard
    }
  }
  await copyAddress(shop);
}

async function copyAddress(shop: ShopCard) {
  try {
    await Taro.setClipboardData({ data: shop.address });
    void Taro.showToast({ title: '地址已复制，可在地图应用中打开', icon: 'none' });
  } catch {
    void Taro.showToast({ title: shop.address, icon: 'none' });
  }
}

async function callShop(phone: string) {
  try {
    await Taro.makePhoneCall({ phoneNumber: phone });
  } catch {
    void Taro.showToast({ title: `门店电话 ${phone}`, icon: 'none' });
  }
}

/** 门店信息: the store serving the member (their advisor's, or the one whose code they scanned). */
export default function ShopInfoPage() {
  const mine = useRemote(() => call('shop.myShop', {}), []);
  if (mine.loading && !mine.data) return <PageSkeleton />;
  if (!mine.data)
    return <EmptyState status="network" title="加载失败" actionText="重新加载" onAction={() => void mine.reload()} />;
  const { shop, advisor } = mine.data;
  if (!shop) {
    return (
      <EmptyState
        title="还没有关联门店"
        description="到店扫描门店或导购的二维码即可关联"
        actionText="去逛逛"
        onAction={() => void Taro.switchTab({ url: '/pages/home/index' })}
        id="shop-info-empty"
      />
    );
  }

  return (
    <View className="page shop-info" id="page-shop-info">
      <PrivacyPopup />
      <View className="shop-info__head">
        <Text className="shop-info__name" id="shop-info-name">
          {shop.name}
        </Text>
        <Text className="shop-info__hours" id="shop-info-hours">
          {shop.open ? `营业时间 ${shop.hours || '以门店公告为准'}` : '门店暂停营业，暂不提供到店自提'}
        </Text>
      </View>
      <CellGroup className="shop-info__cells">
        {[
          <Cell
            key="address"
            title="门店地址"
            description={shop.address}
            clickable
            className="shop-info__cell shop-info-address"
            extra="导航"
            onClick={() => void openMap(shop)}
          />,
          ...(shop.phone
            ? [
                <Cell
                  key="phone"
                  title="门店电话"
                  description={shop.phone}
                  clickable
                  className="shop-info__cell shop-info-phone"
                  extra="拨打"
                  onClick={() => void callShop(shop.phone)}
                />,
              ]
            : []),
        ]}
      </CellGroup>
      {advisor ? (
        <View className="shop-info__block">
          <AdvisorCard advisor={advisor} note={`${shop.name}`} id="shop-info-advisor" />
        </View>
      ) : null}
      <View className="shop-info__actions">
        <Button type="primary" block onClick={() => void openMap(shop)} id="shop-info-map">
          查看地图
        </Button>
      </View>
    </View>
  );
}
