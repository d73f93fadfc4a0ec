import { Text, View } from '@tarojs/components';
import Taro, { useReachBottom } from '@tarojs/taro';
import { useState } from 'react';
import { Button, Tag } from '@nutui/nutui-react-taro';
import { call } from '../../api';
import type { ManagerProductView, ManagerSkuView } from '../../../cloudfunctions/core/contract';
import { useCursorPages } from '../../hooks/useCursorPages';
import { useSubmit } from '../../hooks/useSubmit';
import { EmptyState } from '../../components/EmptyState';
import { FeedBody } from '../../components/FeedBody';
import { formatFen } from '../../utils/money';
import { SkuEditor } from './components/SkuEditor';
import './manager.scss';
import { withRole } from '../../components/RoleGate';

/** Every active SKU of a product on the shelf has no stock: customers see 已售罄, so the manager does too. */
function isSoldOut(p: ManagerProductView): boolean {
  return p.status === 'on_sale' && p.skus.length > 0 && p.skus.every((s) => s.stock === 0);
}

function statusText(p: ManagerProductView): string {
  if (p.status !== 'on_sale') return '已下架';
  return isSoldOut(p) ? '已售罄' : '在售';
}

function statusTag(p: ManagerProductView): 'success' | 'warning' | 'default' {
  if (p.status !== 'on_sale') return 'default';
  return isSoldOut(p) ? 'warning' : 'success';
}

/** 商品库存: every product, on sale or not; edit a SKU's price and stock, put a product on or off the shelf. */
function ManagerProductsPage() {
  const feed = useCursorPages<ManagerProductView>('products', (cursor) =>
    call('manager.listProducts', cursor ? { cursor } : {}),
  );
  useReachBottom(feed.loadMore);
  const [editing, setEditing] = useState<ManagerSkuView>();
  const { busy, submit } = useSubmit();

  const save = async (change: { priceFen?: number; stock?: { from: number; to: number } }) => {
    if (!editing) return;
    const done = await submit(`sku:${editing.skuId}`, (idempotencyKey) =>
      call('manager.updateSku', { skuId: editing.skuId, ...change }, { idempotencyKey }),
    );
    if (done) {
      setEditing(undefined);
      void Taro.showToast({ title: '已保存', icon: 'success' });
    }
    feed.refresh();
  };
  const toggle = async (p: ManagerProductView) => {
    const status = p.status === 'on_sale' ? 'off_shelf' : 'on_sale';
    if (
      await submit(`status:${p.productId}`, (idempotencyKey) =>
        call('manager.setProductStatus', { productId: p.productId, status }, { idempotencyKey }),
      )
    )
      feed.refresh();
  };

  const { items } = feed;
  return (
    <View className="page m-page" id="page-manager-products">
      <FeedBody
        feed={feed}
        skeletonRows={4}
        listClass="m-page__list"
        footerClass="m-page__footer"
        id="m-product-list"
        empty={<EmptyState title="还没有商品" />}
      >
        {items.map((p) => (
          <View className="m-item card" key={p.productId}>
            <View className="m-item__head">
              <Text className="m-item__title">{p.title}</Text>
              {/* NutUI's Tag drops an id: the wrapper carries it. */}
              <View id={`m-status-${p.productId}`}>
                <Tag type={statusTag(p)} round>
                  {statusText(p)}
                </Tag>
              </View>
            </View>
            {p.skus.map((s) => (
              <View className="m-item__row" key={s.skuId}>
                <Text className="m-item__text m-item__grow">{s.specsText}</Text>
                <Text className="m-item__text">{`¥${formatFen(s.priceFen)} · 库存 ${s.stock}`}</Text>
                <Button size="mini" fill="outline" type="primary" className="m-sku-edit" onClick={() => setEditing(s)}>
                  编辑
                </Button>
              </View>
            ))}
            <View className="m-item__actions">
              <Button
                size="small"
                fill="outline"
                loading={busy === `status:${p.productId}`}
                disabled={!!busy}
                onClick={() => void toggle(p)}
              >
                {p.status === 'on_sale' ? '下架' : '上架'}
              </Button>
            </View>
          </View>
        ))}
      </FeedBody>
      <SkuEditor
        key={editing?.skuId ?? 'none'}
        sku={editing}
        busy={!!busy?.startsWith('sku:')}
        onClose={() => setEditing(undefined)}
        onSave={(c) => void save(c)}
      />
    </View>
  );
}

export default withRole('manager', ManagerProductsPage);
