import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { Button, Price } from '@nutui/nutui-react-taro';
import { call, toastError, type CartQuote } from '../../api';
import { useCart } from '../../stores/cart';
import { useCheckout } from '../../stores/checkout';
import { formatFen } from '../../utils/money';
import { ListSkeleton } from '../../components/Skeletons';
import { EmptyState } from '../../components/EmptyState';
import { CartLineItem } from './components/CartLineItem';
import './index.scss';

/** Prices the local cart on the server whenever it changes; the client never adds up money. */
function useQuote() {
  const items = useCart((s) => s.items);
  const [quote, setQuote] = useState<CartQuote>();
  const [loading, setLoading] = useState(false);
  const seq = useRef(0);

  useEffect(() => {
    const mine = ++seq.current;
    if (items.length === 0) {
      setQuote(undefined);
      setLoading(false);
      return;
    }
    setLoading(true);
    call('catalog.quoteCart', { items })
      .then((q) => mine === seq.current && setQuote(q))
      .catch((err) => toastError(err))
      .finally(() => mine === seq.current && setLoading(false));
  }, [items]);

  return { items, quote, loading };
}

export default function CartPage() {
  const { items, quote, loading } = useQuote();
  const setQty = useCart((s) => s.setQty);
  const remove = useCart((s) => s.remove);

  const confirmRemove = async (skuId: string) => {
    const res = await Taro.showModal({
      title: '移出购物车',
      content: '确定不要这件商品了吗？',
      confirmColor: '#3F6B57',
    });
    if (res.confirm) remove(skuId);
  };

  // Only the lines the server says can be bought go to checkout; it prices them again there.
  const checkout = (q: CartQuote) => {
    const lines = q.lines.filter((l) => l.available).map((l) => ({ skuId: l.skuId, qty: l.qty }));
    if (lines.length === 0) return;
    useCheckout.getState().start(lines, 'cart');
    void Taro.navigateTo({ url: '/packages/order/checkout' });
  };

  if (items.length === 0) {
    return (
      <View className="page cart" id="page-cart">
        <EmptyState
          id="cart-empty"
          title="购物车还是空的"
          description="挑一件适合你的好物吧"
          actionText="去逛逛"
          onAction={() => void Taro.switchTab({ url: '/pages/home/index' })}
        />
      </View>
    );
  }

  return (
    <View className="page cart" id="page-cart">
      {!quote ? (
        loading ? (
          <ListSkeleton rows={Math.min(items.length, 4)} />
        ) : (
          <EmptyState
            status="network"
            title="购物车加载失败"
            actionText="重试"
            onAction={() => useCart.setState({ items: [...items] })}
          />
        )
      ) : (
        <View className="cart__lines" id="cart-lines">
          {quote.lines.map((line) => (
            <CartLineItem
              key={line.skuId}
              line={line}
              onQty={(q) => setQty(line.skuId, q)}
              onRemove={() => void confirmRemove(line.skuId)}
            />
          ))}
        </View>
      )}
      <View className={`cart-bar ${process.env.TARO_ENV === 'h5' ? 'cart-bar--h5' : ''}`}>
        <View className="cart-bar__sum">
          <Text className="cart-bar__label">合计</Text>
          <View id="cart-total" className={loading ? 'is-stale' : ''}>
            <Price price={formatFen(quote?.totalFen ?? 0)} size="large" thousands />
          </View>
        </View>
        <Button
          type="primary"
          className="cart-bar__btn"
          id="cart-checkout"
          disabled={!quote || loading || quote.count === 0}
          onClick={() => quote && checkout(quote)}
        >
          {`结算${quote ? `(${quote.count})` : ''}`}
        </Button>
      </View>
    </View>
  );
}
