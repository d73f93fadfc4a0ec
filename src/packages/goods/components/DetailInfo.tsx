import { Image, Text, View } from '@tarojs/components';
import { Swiper, Tag } from '@nutui/nutui-react-taro';
import { mediaUrl, type ProductDetail, type Sku } from '../../../api';
import { PriceLine } from '../../../components/PriceLine';

const FULFILMENT_TEXT: Record<ProductDetail['fulfilment'][number], string> = {
  express: '快递配送',
  pickup: '门店自提',
};

export function Gallery({ images }: { images: string[] }) {
  return (
    <View className="detail-gallery">
      <Swiper indicator loop={images.length > 1} height="100%">
        {images.map((src) => (
          <Swiper.Item key={src}>
            <Image className="detail-gallery__img" src={mediaUrl(src)} mode="aspectFill" />
          </Swiper.Item>
        ))}
      </Swiper>
    </View>
  );
}

export function Info({ product, sku }: { product: ProductDetail; sku?: Sku }) {
  const price = sku ?? product.skus[0];
  return (
    <View className="detail-info card">
      {price && (
        <PriceLine
          id="detail-price"
          priceFen={price.priceFen}
          originalPriceFen={price.originalPriceFen}
          memberPriceFen={price.memberPriceFen}
          size="xlarge"
        />
      )}
      <Text className="detail-info__title" id="detail-title">
        {product.title}
      </Text>
      {product.subtitle && <Text className="detail-info__sub">{product.subtitle}</Text>}
      <View className="detail-info__tags">
        {product.repurchaseCycleDays > 0 && (
          <Tag className="tag-accent">{`建议 ${product.repurchaseCycleDays} 天回购`}</Tag>
        )}
        {product.fulfilment.map((f) => (
          <Tag key={f} className="tag-soft">
            {FULFILMENT_TEXT[f] ?? f}
          </Tag>
        ))}
        {product.tags.map((t) => (
          <Tag key={t} className="tag-muted">
            {t}
          </Tag>
        ))}
      </View>
    </View>
  );
}
