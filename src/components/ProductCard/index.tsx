import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { mediaUrl, type ProductSummary } from '../../api';
import { PriceLine } from '../PriceLine';
import './index.scss';

export function openProduct(id: string) {
  void Taro.navigateTo({ url: `/packages/goods/detail?id=${encodeURIComponent(id)}` });
}

/** Grid card of one product: image, title, subtitle, price. */
function ProductCard({ product }: { product: ProductSummary }) {
  return (
    <View className="product-card" id={`product-card-${product.id}`} onClick={() => openProduct(product.id)}>
      <View className="product-card__media">
        <Image className="product-card__img" src={mediaUrl(product.image)} mode="aspectFill" lazyLoad />
        {product.soldOut && <View className="product-card__soldout">已售罄</View>}
      </View>
      <View className="product-card__body">
        <Text className="product-card__title">{product.title}</Text>
        <Text className="product-card__sub">{product.subtitle}</Text>
        <PriceLine
          priceFen={product.priceFen}
          originalPriceFen={product.originalPriceFen}
          memberPriceFen={product.memberPriceFen}
          from={product.priceFrom}
        />
      </View>
    </View>
  );
}

/** Two-column grid of product cards. */
export function ProductGrid({ products }: { products: ProductSummary[] }) {
  return (
    <View className="product-grid">
      {products.map((p) => (
        <ProductCard key={p.id} product={p} />
      ))}
    </View>
  );
}
