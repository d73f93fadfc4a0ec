import { Image, Text, View } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import { mediaUrl, type ProductSummary } from '../../api';
import { openProduct } from '../ProductCard';
import { PriceLine } from '../PriceLine';
import './index.scss';

/** One product as a list row: image left, text right. */
export function ProductRow({ product }: { product: ProductSummary }) {
  return (
    <View className="product-row" id={`product-row-${product.id}`} onClick={() => openProduct(product.id)}>
      <Image className="product-row__img" src={mediaUrl(product.image)} mode="aspectFill" lazyLoad />
      <View className="product-row__body">
        <Text className="product-row__title">{product.title}</Text>
        <Text className="product-row__sub">{product.subtitle}</Text>
        <View className="product-row__tags">
          {product.soldOut && <Tag className="tag-muted">已售罄</Tag>}
          {product.tags.slice(0, 2).map((t) => (
            <Tag key={t} className="tag-soft">
              {t}
            </Tag>
          ))}
        </View>
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
