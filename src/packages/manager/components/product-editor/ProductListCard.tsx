import { Image, Text, View } from '@tarojs/components';
import { Button, Tag } from '@nutui/nutui-react-taro';
import type { ManagerProductView, ManagerSkuView } from '../../../../../cloudfunctions/core/contract';
import { formatFen } from '../../../../utils/money';

/** Every active SKU of a product on the shelf has no stock: customers see 已售罄, so the manager does too. */
function isSoldOut(p: ManagerProductView): boolean {
  return p.status === 'on_sale' && p.skus.length > 0 && p.skus.every((s) => s.stock === 0);
}

function statusText(p: ManagerProductView): string {
  if (p.status !== 'on_sale') return '已下架';
  return isSoldOut(p) ? '已售罄' : p.scheduled ? '在售·定时' : '在售';
}

function statusTag(p: ManagerProductView): 'success' | 'warning' | 'default' {
  if (p.status !== 'on_sale') return 'default';
  return isSoldOut(p) ? 'warning' : 'success';
}

interface Props {
  product: ManagerProductView;
  selected: boolean;
  busy: string | undefined;
  onOpen: () => void;
  onEditSku: (sku: ManagerSkuView) => void;
  onToggle: () => void;
}

/** A product in the manager's list: cover, title, status, SKU quick edits, 上架/下架; tapping opens the editor. */
export function ProductListCard({ product: p, selected, busy, onOpen, onEditSku, onToggle }: Props) {
  return (
    <View className={`m-item card${selected ? ' m-item--selected' : ''}`} id={`m-product-${p.productId}`}>
      <View className="m-item__head" onClick={onOpen}>
        {p.image && <Image className="m-item__cover" src={p.image} mode="aspectFill" />}
        <Text className="m-item__title m-item__grow">{p.title}</Text>
        {/* NutUI's Tag drops an id: the wrapper carries it. */}
        <View id={`m-status-${p.productId}`}>
          <Tag type={statusTag(p)} round>
            {statusText(p)}
          </Tag>
        </View>
      </View>
      {p.skus.map((s) => (
        <View className="m-item__row" key={s.skuId}>
          <Text className="m-item__text m-item__grow">{s.specsText || '默认规格'}</Text>
          <Text className="m-item__text">{`¥${formatFen(s.priceFen)} · 库存 ${s.stock}`}</Text>
          <Button size="mini" fill="outline" type="primary" className="m-sku-edit" onClick={() => onEditSku(s)}>
            改价/库存
          </Button>
        </View>
      ))}
      <View className="m-item__actions">
        <Button size="small" fill="outline" className="m-product-open" onClick={onOpen}>
          编辑商品
        </Button>
        <Button
          size="small"
          fill="outline"
          loading={busy === `status:${p.productId}`}
          disabled={!!busy}
          onClick={onToggle}
        >
          {p.status === 'on_sale' ? '下架' : '上架'}
        </Button>
      </View>
    </View>
  );
}
