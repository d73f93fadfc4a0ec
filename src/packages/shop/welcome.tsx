import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { Button } from '@nutui/nutui-react-taro';
import { call, errorText, newIdempotencyKey, toastError } from '../../api';
import type { ActionInput, WelcomeResult } from '../../../cloudfunctions/core/contract';
import { PageSkeleton } from '../../components/Skeletons';
import { EmptyState } from '../../components/EmptyState';
import { AdvisorCard } from '../../components/AdvisorCard';
import { shanghaiTime } from '../../utils/shanghai-time';
import './shop.scss';

/** What the page was opened with: a scanned code's `scene` (URI-encoded by WeChat), or `s` / `a` in a link. */
function welcomeInput(params: Partial<Record<string, string>>): ActionInput<'shop.welcome'> | null {
  if (params.scene) return { scene: params.scene };
  if (params.s) return { shopCode: params.s };
  if (params.a) return { advisorCode: params.a };
  return null;
}

/**
 * The page a store poster (`s=CODE`) or an advisor's code (`a=CODE`) opens: the visitor becomes a
 * member of that store (and the advisor's customer) and sees the welcome gift, received now or before.
 * One idempotency key per visit, so a re-render does not scan twice.
 */
export default function ShopWelcomePage() {
  const { params } = useRouter();
  const [result, setResult] = useState<WelcomeResult>();
  const [error, setError] = useState<string>();
  const key = useRef(newIdempotencyKey());

  useEffect(() => {
    const input = welcomeInput(params);
    if (!input) {
      setError('二维码无效，请向店员索取新的二维码');
      return;
    }
    call('shop.welcome', input, { idempotencyKey: key.current }).then(setResult, (err) => {
      toastError(err);
      setError(errorText(err));
    });
  }, [params.scene, params.s, params.a]);

  const goShop = () => void Taro.switchTab({ url: '/pages/home/index' });
  if (error)
    return <EmptyState status="error" title={error} actionText="去逛逛" onAction={goShop} id="welcome-error" />;
  if (!result) return <PageSkeleton />;
  const { shop, advisor, gift } = result;

  return (
    <View className="page shop-welcome" id="page-shop-welcome" data-gift={result.giftReason}>
      <View className="shop-welcome__hero">
        <Text className="shop-welcome__hello">欢迎光临</Text>
        <Text className="shop-welcome__shop" id="welcome-shop">
          {shop.name}
        </Text>
        <Text className="shop-welcome__message" id="welcome-message">
          {result.message}
        </Text>
      </View>
      {advisor ? (
        <View className="shop-welcome__block">
          <AdvisorCard advisor={advisor} note="到店或线上下单，都由 TA 为你服务" id="welcome-advisor" />
        </View>
      ) : null}
      {gift ? (
        <View className="shop-welcome__gift" id="welcome-gift">
          <View className="shop-welcome__gift-face">
            <Text className="shop-welcome__gift-tag">{gift.receivedNow ? '到店礼' : '已领取'}</Text>
            <Text className="shop-welcome__gift-title">{gift.title}</Text>
          </View>
          <Text className="shop-welcome__gift-until">
            {gift.receivedNow ? '已放入你的券包' : '你已领取过到店礼'} · {shanghaiTime(gift.validUntil, 'YYYY.MM.DD')}{' '}
            前有效
          </Text>
        </View>
      ) : null}
      <View
        className="shop-welcome__info"
        onClick={() => void Taro.navigateTo({ url: '/packages/shop/info' })}
        id="welcome-info"
      >
        <Text className="shop-welcome__info-line">{shop.address}</Text>
        <Text className="shop-welcome__info-line shop-welcome__info-line--soft">
          营业时间 {shop.hours} · 查看门店信息
        </Text>
      </View>
      <View className="shop-welcome__actions">
        <Button type="primary" block onClick={goShop} id="welcome-shop-now">
          去逛逛
        </Button>
        {gift ? (
          <Button
            type="primary"
            fill="outline"
            block
            onClick={() => void Taro.navigateTo({ url: '/packages/member/coupons' })}
            id="welcome-coupons"
          >
            查看我的优惠券
          </Button>
        ) : null}
      </View>
    </View>
  );
}
