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
import { DeliveryConflict, type ConflictDetails } from './components/DeliveryConflict';
import { CouponPicker } from './components/CouponPicker';
import { PointsRow, RemarkAndEarn } from './components/CheckoutExtras';
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
  'DELIVERY_CONFLICT',
  'SHOP_NOT_FOUND',
  'ADDRESS_UNDELIVERABLE',
  ...COUPON_REFUSED,
]);

/** The customer's coupon choice: the server's best (auto), 不使用 (none), or one they picked. */
type CouponChoice = { kind: 'auto' } | { kind: 'none' } | { kind: 'id'; couponId: string };

function couponInput(c: CouponChoice) {
  return c.kind === 'id' ? { couponId: c.couponId } : c.kind === 'none' ? { noCoupon: true as const } : {};
}

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
  const [coupon, setCoupon] = useState<CouponChoice>({ kind: 'auto' });
  const [coupons, setCoupons] = useState<UsableCoupon[] | null>(null);
  // 积分抵扣 on: ask for the whole balance the last quote showed; the server caps it.
  const [usePoints, setUsePoints] = useState(false);
  const [shopId, setShopId] = useState<string>();
  const [near, setNear] = useState<{ latitude: number; longitude: number }>();
  const [remark, setRemark] = useState('');
  // A cart no single delivery type serves: which lines block which type.
  const [conflict, setConflict] = useState<ConflictDetails>();
  const seq = useRef(0);
  // The address express goes to, once the book is read: the chosen entry, else the default.
  const shipToId = (addresses?.find((a) => a.addressId === selectedId) ?? addresses?.find((a) => a.isDefault))
    ?.addressId;
  // One key per checkout attempt: reused when a retry follows a network error, renewed when inputs change.
  const attempt = useRef<{ inputs: string; key: string }>();

  useEffect(() => {
    if (items.length === 0) return setLoading(false);
    const mine = ++seq.current;
    setLoading(true);
    const points = usePoints && quote ? { pointsToUse: quote.points.balance } : {};
    call('order.quote', {
      items,
      ...gb,
      ...(deliveryType ? { deliveryType } : {}),
      ...couponInput(coupon),
      ...points,
      ...(near ? { near: `${near.latitude.toFixed(6)},${near.longitude.toFixed(6)}` } : {}),
      // Express is priced for the chosen address's province (freight templates).
      ...(shipToId ? { addressId: shipToId } : {}),
    })
      .then((q) => {
        if (mine !== seq.current) return;
        setQuote(q);
        setConflict(undefined);
        if (!deliveryType) setDeliveryType(q.deliveryType);
        // The first shop offered (the member's own, or the nearest) unless one is chosen and still offered.
        setShopId((id) => (id && q.pickupShops.some((s) => s.shopId === id) ? id : q.pickupShops[0]?.shopId));
      })
      .catch((err) => {
        if (mine !== seq.current) return;
        if (err instanceof ApiError && err.code === 'DELIVERY_CONFLICT') {
          const details = err.details as ConflictDetails;
          // The type asked for is not possible but another is: take the one the cart allows.
          if (details.deliveryOptions.length > 0 && deliveryType) return setDeliveryType(undefined);
          setQuote(undefined);
          return setConflict(details);
        }
        toastError(err);
        // The chosen coupon no longer fits (expired, spent elsewhere): let the server choose again.
        if (coupon.kind === 'id' && err instanceof ApiError && COUPON_REFUSED.has(err.code))
          setCoupon({ kind: 'auto' });
        if (usePoints && err instanceof ApiError && err.code === 'INSUFFICIENT_POINTS') setUsePoints(false);
      })
      .finally(() => mine === seq.current && setLoading(false));
    // `gb` is derived from `groupBuy`; `round` re-quotes on demand; `quote` is read, not watched.
  }, [items, deliveryType, round, coupon, usePoints, near, groupBuy, shipToId]);

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
  const removeLine = (skuId: string) => {
    useCheckout.getState().remove(skuId);
    setDeliveryType(undefined);
  };
  if (conflict && !quote) {
    return (
      <View className="page checkout" id="page-checkout">
        <DeliveryConflict conflict={conflict} onRemove={removeLine} />
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
    const delivery =
      type === 'express' ? { type, addressId: address!.addressId } : { type, ...(shopId ? { shopId } : {}) };
    // Exactly what the quote on screen applied: its coupon and its points.
    const extras = {
      ...(quote.couponId ? { couponId: quote.couponId } : {}),
      ...(quote.pointsUsed > 0 ? { pointsToUse: quote.pointsUsed } : {}),
      ...(remark.trim() ? { remark: remark.trim() } : {}),
    };
    const inputs = JSON.stringify({ items, delivery, extras, groupBuy });
    if (attempt.current?.inputs !== inputs) attempt.current = { inputs, key: newIdempotencyKey() };
    setSubmitting(true);
    try {
      const order = await call(
        'order.create',
        { items, delivery, ...gb, ...extras },
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
        shops={quote.pickupShops}
        shopId={shopId}
        onShop={setShopId}
        onLocated={(n) => {
          // Located: the nearest shop (the quote's first) becomes the choice.
          setShopId(undefined);
          setNear(n);
        }}
      />
      {type === 'express' && quote.undeliverable && (
        <View className="checkout__undeliverable" id="checkout-undeliverable">
          {quote.undeliverable.message}
        </View>
      )}
      <OrderLines lines={quote.lines} id="checkout-lines" />
      <CouponPicker
        coupons={coupons}
        selected={quote.couponId}
        discountFen={quote.couponDiscountFen}
        usableCount={quote.usableCouponCount}
        onSelect={(id) => setCoupon(id ? { kind: 'id', couponId: id } : { kind: 'none' })}
      />
      <PointsRow quote={quote} on={usePoints} onChange={setUsePoints} />
      <RemarkAndEarn remark={remark} onRemark={setRemark} pointsToEarn={quote.pointsToEarn} />
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
          disabled={loading || submitting || (type === 'express' && !!quote.undeliverable)}
          onClick={() => void submit()}
        >
          提交订单
        </Button>
      </View>
    </View>
  );
}
