import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { Button, Price } from '@nutui/nutui-react-taro';
import { ApiError, call, isTransportError, newIdempotencyKey, toastError } from '../../api';
import type { DeliveryType, MemberAddress, OrderQuote, UsableCoupon } from '../../../cloudfunctions/core/contract';
import { useCheckout } from '../../stores/checkout';
import { useCart } from '../../stores/cart';
import { formatFen } from '../../utils/money';
import { PageSkeleton } from '../../components/Skeletons';
import { EmptyState } from '../../components/EmptyState';
import { PrivacyPopup } from '../../components/PrivacyPopup';
import { DeliveryCard } from './components/DeliveryCard';
import { groupBuyNote } from './components/order-text';
import { CouponPicker } from './components/CouponPicker';
import { AmountRows, OrderLines } from './components/OrderParts';
import { useAddresses } from '../../stores/addresses';
import './order.scss';

/** Coupon refusals: the chosen coupon no longer fits this cart, so checkout drops it and re-quotes. */
const COUPON_REFUSED = new Set([
  'COUPON_UNAVAILABLE',
  'COUPON_EXPIRED',
  'COUPON_NOT_STARTED',
  'COUPON_USED',
  'COUPON_IN_USE',
  'COUPON_THRESHOLD_NOT_MET',
  'COUPON_NOT_APPLICABLE',
]);
/** Codes after which the quote on screen is stale: price it again. */
const REQUOTE = new Set([
  'INSUFFICIENT_STOCK',
  'PRODUCT_UNAVAILABLE',
  'AMOUNT_MISMATCH',
  'INSUFFICIENT_POINTS',
  ...COUPON_REFUSED,
]);

export default function CheckoutPage() {
  const items = useCheckout((s) => s.items);
  const source = useCheckout((s) => s.source);
  // a group-buy checkout carries its campaign (and team) into quote and create.
  const groupBuy = useCheckout((s) => s.groupBuy);
  const gb = groupBuy ? { groupBuy } : {};
  const [deliveryType, setDeliveryType] = useState<DeliveryType>();
  const [quote, setQuote] = useState<OrderQuote>();
  const [loading, setLoading] = useState(true);
  // The member's address book (server-side); express ships to the chosen entry or the default.
  const [addresses, setAddresses] = useState<MemberAddress[]>();
  const selectedId = useAddresses((s) => s.selectedId);
  const [submitting, setSubmitting] = useState(false);
  const [round, setRound] = useState(0);
  const [couponId, setCouponId] = useState<string>();
  const [coupons, setCoupons] = useState<UsableCoupon[] | null>(null);
  const seq = useRef(0);
  // One key per checkout attempt: reused when a retry follows a network error, renewed when inputs change.
  const attempt = useRef<{ inputs: string; key: string }>();

  useEffect(() => {
    if (items.length === 0) return setLoading(false);
    const mine = ++seq.current;
    setLoading(true);
    call('order.quote', { items, ...gb, ...(deliveryType ? { deliveryType } : {}), ...(couponId ? { couponId } : {}) })
      .then((q) => {
        if (mine !== seq.current) return;
        setQuote(q);
        if (!deliveryType) setDeliveryType(q.deliveryType);
      })
      .catch((err) => {
        toastError(err);
        // The chosen coupon no longer fits (expired, spent elsewhere): price without it.
        if (couponId && err instanceof ApiError && COUPON_REFUSED.has(err.code)) setCouponId(undefined);
      })
      .finally(() => mine === seq.current && setLoading(false));
    // `gb` is derived from `groupBuy`; `round` re-quotes on demand.
  }, [items, deliveryType, round, couponId, groupBuy]);

  const loadAddresses = () =>
    call('member.address.list', {})
      .then((b) => setAddresses(b.items))
      .catch((err) => (setAddresses((a) => a ?? []), toastError(err)));
  useEffect(() => void loadAddresses(), []);
  // Back from the address book or the form: the book may have changed.
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void loadAddresses();
    shown.current = true;
  });
  const address = addresses?.find((a) => a.addressId === selectedId) ?? addresses?.find((a) => a.isDefault) ?? null;

  // The picker's list, priced against this cart (best first); it does not block checkout.
  useEffect(() => {
    if (items.length === 0) return;
    setCoupons(null);
    call('order.usableCoupons', { items, ...gb, ...(deliveryType ? { deliveryType } : {}) })
      .then((r) => setCoupons(r.items))
      .catch(() => setCoupons([]));
  }, [items, deliveryType, round, groupBuy]);

  if (items.length === 0) {
    return (
      <View className="page">
        <EmptyState
          title="没有待结算的商品"
          actionText="去购物车"
          onAction={() => void Taro.switchTab({ url: '/pages/cart/index' })}
        />
      </View>
    );
  }
  if (!quote) {
    return loading ? (
      <PageSkeleton />
    ) : (
      <View className="page">
        <EmptyState
          status="network"
          title="订单信息加载失败"
          actionText="重新加载"
          onAction={() => setRound((r) => r + 1)}
        />
      </View>
    );
  }

  const type = deliveryType ?? quote.deliveryType;
  const submit = async () => {
    if (type === 'express' && !address) return void Taro.showToast({ title: '请添加收货地址', icon: 'none' });
    const delivery = type === 'express' ? { type, addressId: address!.addressId } : { type };
    const inputs = JSON.stringify({ items, delivery, couponId, groupBuy });
    if (attempt.current?.inputs !== inputs) attempt.current = { inputs, key: newIdempotencyKey() };
    setSubmitting(true);
    try {
      const order = await call(
        'order.create',
        { items, delivery, ...gb, ...(couponId ? { couponId } : {}) },
        { idempotencyKey: attempt.current.key },
      );
      if (source === 'cart') items.forEach((i) => useCart.getState().remove(i.skuId));
      useCheckout.getState().clear();
      void Taro.redirectTo({ url: `/packages/order/pay?orderId=${encodeURIComponent(order.orderId)}` });
    } catch (err) {
      toastError(err);
      if (!isTransportError(err)) attempt.current = undefined;
      if (err instanceof ApiError && REQUOTE.has(err.code)) setRound((r) => r + 1);
      // The chosen address was deleted elsewhere: fall back to the book as it is now.
      if (err instanceof ApiError && err.code === 'ADDRESS_NOT_FOUND') {
        useAddresses.getState().select(null);
        void loadAddresses();
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <View className="page checkout" id="page-checkout">
      <PrivacyPopup />
      {groupBuy && (
        <View className="checkout__groupbuy" id="checkout-groupbuy">
          {groupBuyNote(!!groupBuy.teamId, deliveryType ?? quote.deliveryType)}
        </View>
      )}
      <DeliveryCard
        options={quote.deliveryOptions}
        type={type}
        onType={setDeliveryType}
        address={address}
        loadingBook={!addresses}
        onAddress={(a) => {
          useAddresses.getState().select(a.addressId);
          void loadAddresses();
        }}
      />
      <OrderLines lines={quote.lines} id="checkout-lines" />
      <CouponPicker
        coupons={coupons}
        selected={couponId}
        discountFen={quote.couponDiscountFen}
        onSelect={setCouponId}
      />
      <View className={loading ? 'is-stale' : ''}>
        <AmountRows amounts={quote} payableLabel="实付" id="checkout-amounts" groupBuy={!!groupBuy} />
      </View>
      <View className="order-bar">
        <View className="order-bar__sum">
          <Text className="order-bar__label">实付</Text>
          <View id="checkout-payable" className={loading ? 'is-stale' : ''}>
            <Price price={formatFen(quote.payableFen)} size="large" thousands />
          </View>
        </View>
        <Button
          type="primary"
          className="order-bar__btn"
          id="checkout-submit"
          loading={submitting}
          disabled={loading || submitting}
          onClick={() => void submit()}
        >
          提交订单
        </Button>
      </View>
    </View>
  );
}
