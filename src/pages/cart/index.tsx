import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { Button, Checkbox, Price } from '@nutui/nutui-react-taro';
import type { ServerCart } from '../../../cloudfunctions/core/contract';
import { useCart } from '../../stores/cart';
import { useCheckout } from '../../stores/checkout';
import { formatFen } from '../../utils/money';
import { ListSkeleton } from '../../components/Skeletons';
import { EmptyState } from '../../components/EmptyState';
import { CartLineItem } from './components/CartLineItem';
import './index.scss';

/**
 * The account's cart, kept on the server so every device shows the same lines and ticks. Totals,
 * member prices and the shipping line (freight templates, default address) are the server's; the client
 * adds up nothing.
 */
export default function CartPage() {
  const { items, server, loading, failed, sync, setQty, toggle, selectAll, remove } = useCart();
  useDidShow(() => void sync());

  const confirmRemove = async (skuId: string) => {
    const res = await Taro.showModal({
      title: '移出购物车',
      content: '确定不要这件商品了吗？',
      confirmColor: '#3F6B57',
    });
    if (res.confirm) remove(skuId);
  };

  // Only the ticked lines the server says can be bought go to checkout; it prices them again there.
  const checkout = (cart: ServerCart) => {
    const lines = cart.lines.filter((l) => l.available && l.selected).map((l) => ({ skuId: l.skuId, qty: l.qty }));
    if (lines.length === 0) return;
    useCheckout.getState().start(lines, 'cart');
    void Taro.navigateTo({ url: '/packages/order/checkout' });
  };

  if (items.length === 0 && (!server || server.lines.length === 0)) {
    return (
      <View className="page cart" id="page-cart">
        {loading && !server ? (
          <ListSkeleton rows={2} />
        ) : (
          <EmptyState
            id="cart-empty"
            title="购物车还是空的"
            description="挑一件适合你的好物吧"
            actionText="去逛逛"
            onAction={() => void Taro.switchTab({ url: '/pages/home/index' })}
          />
        )}
      </View>
    );
  }

  const stale = loading ? 'is-stale' : '';
  return (
    <View className="page cart" id="page-cart">
      {!server ? (
        failed && !loading ? (
          <EmptyState status="network" title="购物车加载失败" actionText="重试" onAction={() => void sync()} />
        ) : (
          <ListSkeleton rows={Math.min(items.length, 4)} />
        )
      ) : (
        <View className="cart__lines" id="cart-lines">
          <View className={`cart__shipping is-${server.shipping.status} ${stale}`} id="cart-shipping">
            {server.shipping.text}
          </View>
          {server.lines.map((line) => (
            <CartLineItem
              key={line.skuId}
              line={line}
              onToggle={() => toggle(line.skuId, !line.selected)}
              onQty={(q) => setQty(line.skuId, q)}
              onRemove={() => void confirmRemove(line.skuId)}
            />
          ))}
        </View>
      )}
      <View className={`cart-bar ${process.env.TARO_ENV === 'h5' ? 'cart-bar--h5' : ''}`}>
        <View className="cart-bar__all" id="cart-select-all" onClick={() => server && selectAll(!server.allSelected)}>
          <Checkbox checked={!!server?.allSelected} disabled={!server} />
          <Text className="cart-bar__all-text">全选</Text>
        </View>
        <View className="cart-bar__sum">
          <Text className="cart-bar__label">合计</Text>
          <View className="cart-bar__amounts">
            <View id="cart-total" className={stale}>
              <Price price={formatFen(server?.selectedTotalFen ?? 0)} size="large" thousands />
            </View>
            {!!server && server.memberSavingFen > 0 && (
              <Text className="cart-bar__saving">{`会员价已省 ¥${formatFen(server.memberSavingFen)}`}</Text>
            )}
          </View>
        </View>
        <Button
          type="primary"
          className="cart-bar__btn"
          id="cart-checkout"
          disabled={!server || loading || server.selectedCount === 0}
          onClick={() => server && checkout(server)}
        >
          {`结算(${server?.selectedCount ?? 0})`}
        </Button>
      </View>
    </View>
  );
}
