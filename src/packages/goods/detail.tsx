import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { Badge, Button, Cell } from '@nutui/nutui-react-taro';
import { Cart } from '@nutui/icons-react-taro';
import { call, type Sku } from '../../api';
import { useRouteParams } from '../../hooks/useRouteParams';
import { useSubmit } from '../../hooks/useSubmit';
import { useRemote } from '../../hooks/useRemote';
import { cartPieces, useCart } from '../../stores/cart';
import { useCheckout } from '../../stores/checkout';
import { PageSkeleton } from '../../components/Skeletons';
import { EmptyState } from '../../components/EmptyState';
import { SharePreview } from '../../components/SharePreview';
import { PrivacyPopup } from '../../components/PrivacyPopup';
import { useInviteAttribution, useShare } from '../../hooks/useShare';
import { Gallery, Info } from './components/DetailInfo';
import { DetailBlocks } from './components/DetailBlocks';
import { askRestockMessage } from './components/restock';
import { SkuPicker, type PickerMode } from './components/SkuPicker';
import { defaultSelection, findSku, specsText, type Selection } from './components/SkuPicker/sku-select';
import './detail.scss';
import { ContactService } from '../../components/ContactService';

export default function DetailPage() {
  // The address bar's id, not the id this page was first created with (see useRouteParams).
  const productId = useRouteParams().id ?? '';
  const remote = useRemote(() => call('catalog.getProduct', { productId }), [productId]);
  // An answer for another id (the page was reused for a new link) is never shown or bought.
  const product = remote.data?.id === productId ? remote.data : undefined;
  const { busy, submit } = useSubmit();
  const [selection, setSelection] = useState<Selection>({});
  const [picker, setPicker] = useState<{ visible: boolean; mode: PickerMode }>({ visible: false, mode: 'cart' });
  const addToCart = useCart((s) => s.add);
  const pieces = useCart((s) => cartPieces(s.items));
  useInviteAttribution();
  const share = useShare(() =>
    product
      ? {
          title: product.title,
          path: `/packages/goods/detail?id=${encodeURIComponent(product.id)}`,
          imageUrl: product.shareImage,
        }
      : null,
  );

  useEffect(() => {
    if (product) {
      setSelection(defaultSelection(product));
      void Taro.setNavigationBarTitle({ title: product.title });
    }
  }, [product]);

  if ((remote.loading || remote.data) && !product) return <PageSkeleton />;
  if (!product) {
    return (
      <View className="page">
        <EmptyState
          status="error"
          title="商品不存在或已下架"
          actionText="返回首页"
          onAction={() => void Taro.switchTab({ url: '/pages/home/index' })}
        />
      </View>
    );
  }

  const sku = findSku(product, selection);
  const open = (mode: PickerMode) => setPicker({ visible: true, mode });
  const subscribeRestock = async () => {
    const answer = await submit('restock', (idempotencyKey) =>
      call('catalog.subscribeRestock', { productId: product.id }, { idempotencyKey }),
    );
    if (!answer) return;
    await askRestockMessage(answer.templateId);
    void Taro.showToast({ title: '到货后通知你', icon: 'success' });
    void remote.reload();
  };
  const confirm = (chosen: Sku, qty: number, mode: PickerMode) => {
    setPicker((p) => ({ ...p, visible: false }));
    if (mode === 'buy') {
      // 立即购买 skips the cart: checkout gets exactly this SKU and quantity.
      useCheckout.getState().start([{ skuId: chosen.id, qty }], 'buy');
      void Taro.navigateTo({ url: '/packages/order/checkout' });
    } else {
      addToCart(chosen.id, qty);
      void Taro.showToast({ title: '已加入购物车', icon: 'success' });
    }
  };

  return (
    <View className="page detail" id="page-detail">
      <Gallery images={product.images} />
      <Info product={product} sku={sku} />
      <View className="detail-cells">
        <Cell
          title="已选"
          extra={specsText(selection, product) || '请选择规格'}
          align="center"
          clickable
          onClick={() => open('cart')}
          className="detail-spec"
        />
        {/* NutUI's Cell drops an id: the wrapper carries it. */}
        <View id="detail-shipping">
          <Cell title="运费" extra={product.shippingRule} align="center" className="detail-shipping" />
        </View>
      </View>
      {/* Its own row: inside the rounded, overflow-hidden cells the outline button was clipped. */}
      <View className="detail-share-row">
        <Button
          className="detail-share"
          size="small"
          fill="outline"
          id="detail-share"
          openType="share"
          onClick={() => process.env.TARO_ENV !== 'weapp' && void share.openPreview()}
        >
          分享给好友
        </Button>
      </View>
      <ContactService
        context={{
          kind: 'product',
          id: product.id,
          title: product.title,
          path: `/packages/goods/detail?id=${product.id}`,
          image: product.images[0],
        }}
      />
      <DetailBlocks description={product.description} blocks={product.detail} />
      <View className="detail-bar">
        <View
          className="detail-bar__cart"
          id="detail-go-cart"
          onClick={() => void Taro.switchTab({ url: '/pages/cart/index' })}
        >
          <Badge value={pieces > 0 ? pieces : undefined} max={99}>
            <Cart size={22} />
          </Badge>
          <Text className="detail-bar__cart-text">购物车</Text>
        </View>
        <Button
          className="detail-bar__btn detail-bar__btn--add"
          id="btn-add-cart"
          disabled={product.soldOut}
          onClick={() => open('cart')}
        >
          加入购物车
        </Button>
        <Button
          className="detail-bar__btn"
          type="primary"
          id="btn-buy-now"
          disabled={product.soldOut}
          onClick={() => open('buy')}
        >
          {product.soldOut ? '已售罄' : '立即购买'}
        </Button>
      </View>
      {product.soldOut && (
        <View className="detail-restock">
          <Text className="detail-restock__text">全部规格已售罄，到货后第一时间通知你</Text>
          <Button
            size="small"
            type="primary"
            fill="outline"
            id="btn-restock"
            loading={busy === 'restock'}
            disabled={product.restockSubscribed || !!busy}
            onClick={() => void subscribeRestock()}
          >
            {product.restockSubscribed ? '已订阅到货提醒' : '到货提醒'}
          </Button>
        </View>
      )}
      <SkuPicker
        product={product}
        visible={picker.visible}
        mode={picker.mode}
        selection={selection}
        onSelect={setSelection}
        onClose={() => setPicker((p) => ({ ...p, visible: false }))}
        onConfirm={confirm}
      />
      <SharePreview preview={share.preview} onClose={share.closePreview} />
      <PrivacyPopup />
    </View>
  );
}
