import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import { Button, Price } from '@nutui/nutui-react-taro';
import { Clock, SuccessF } from '@nutui/icons-react-taro';
import { call, toastError } from '../../api';
import type { OrderView } from '../../../cloudfunctions/core/contract';
import { formatFen } from '../../utils/money';
import { PageSkeleton } from '../../components/Skeletons';
import { statusText } from './components/order-text';
import './order.scss';

const POLL_MS = 1000;
const POLL_LIMIT = 10;

/** The payment confirmation can trail the callback: poll until the order leaves pending_payment. */
function useSettledOrder(orderId: string) {
  const [order, setOrder] = useState<OrderView>();
  const [polling, setPolling] = useState(true);
  const [round, setRound] = useState(0);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    setPolling(true);
    const tick = async (n: number) => {
      try {
        const o = await call('order.get', { orderId });
        if (stopped) return;
        setOrder(o);
        if (o.status !== 'pending_payment' || n + 1 >= POLL_LIMIT) return setPolling(false);
      } catch (err) {
        if (stopped) return;
        toastError(err);
        if (n + 1 >= POLL_LIMIT) return setPolling(false);
      }
      timer = setTimeout(() => void tick(n + 1), POLL_MS);
    };
    void tick(0);
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [orderId, round]);

  return { order, polling, retry: useCallback(() => setRound((r) => r + 1), []) };
}

export default function ResultPage() {
  const orderId = useRouter().params.orderId ?? '';
  const { order, polling, retry } = useSettledOrder(orderId);
  const view = () => void Taro.redirectTo({ url: `/packages/order/detail?orderId=${encodeURIComponent(orderId)}` });
  const home = () => void Taro.switchTab({ url: '/pages/home/index' });

  if (!order) return <PageSkeleton />;
  const paid = order.status !== 'pending_payment' && order.status !== 'cancelled';
  return (
    <View className="page result" id="page-result">
      <View className="result__hero">
        {paid ? <SuccessF size={56} color="#3F6B57" /> : <Clock size={56} color="#9A918A" />}
        <Text className="result__title" id="result-title">
          {paid
            ? '支付成功'
            : order.status === 'cancelled'
              ? '订单已取消'
              : polling
                ? '正在确认支付结果…'
                : '支付结果确认中'}
        </Text>
        <View className="result__amount" id="result-amount">
          <Price price={formatFen(order.payableFen)} size="large" thousands />
        </View>
        <Text className="result__sub">
          {paid ? `订单状态：${statusText(order)}` : polling ? '请稍候，马上就好' : '如已付款，请稍后在订单中查看'}
        </Text>
      </View>
      <View className="result__actions">
        {/* a group-buy payment goes on to its team (invite friends, or see it succeed). */}
        {paid && order.groupBuy?.teamId ? (
          <Button
            type="primary"
            id="result-view-team"
            onClick={() =>
              void Taro.redirectTo({
                url: `/packages/groupbuy/team?teamId=${encodeURIComponent(order.groupBuy!.teamId!)}`,
              })
            }
          >
            查看拼团
          </Button>
        ) : (
          <Button type="primary" id="result-view-order" onClick={view}>
            查看订单
          </Button>
        )}
        {!paid && !polling && order.status === 'pending_payment' ? (
          <Button fill="outline" id="result-retry" onClick={retry}>
            刷新结果
          </Button>
        ) : (
          <Button fill="outline" id="result-home" onClick={home}>
            继续逛逛
          </Button>
        )}
      </View>
    </View>
  );
}
