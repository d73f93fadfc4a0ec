import { View } from '@tarojs/components';
import Taro, { useReachBottom } from '@tarojs/taro';
import { useState } from 'react';
import { call } from '../../api';
import type { ManagerProductView, ManagerSkuView } from '../../../cloudfunctions/core/contract';
import { useCursorPages } from '../../hooks/useCursorPages';
import { useRemote } from '../../hooks/useRemote';
import { useSubmit } from '../../hooks/useSubmit';
import { EmptyState } from '../../components/EmptyState';
import { FeedBody } from '../../components/FeedBody';
import { PrivacyPopup } from '../../components/PrivacyPopup';
import { SplitView } from '../../components/SplitView';
import { SkuEditor } from './components/SkuEditor';
import { ProductEditor } from './components/product-editor/ProductEditor';
import { ProductListCard } from './components/product-editor/ProductListCard';
import { ProductListHeader, type StatusFilter } from './components/product-editor/ProductListHeader';
import './manager.scss';
import { withRole } from '../../components/RoleGate';

/** 商品管理: the list (search, status filter, quick price/stock edits) beside the whole-product editor. */
function ManagerProductsPage() {
  const [keyword, setKeyword] = useState('');
  const [status, setStatus] = useState<StatusFilter>('all');
  const feed = useCursorPages<ManagerProductView>(`products:${keyword}:${status}`, (cursor) =>
    call('manager.listProducts', {
      ...(keyword ? { keyword } : {}),
      ...(status !== 'all' ? { status } : {}),
      ...(cursor ? { cursor } : {}),
    }),
  );
  useReachBottom(feed.loadMore);
  const categories = useRemote(() => call('manager.listCategories', {}), []);
  // undefined: nothing open; null: a new product.
  const [open, setOpen] = useState<string | null>();
  const [editing, setEditing] = useState<ManagerSkuView>();
  const { busy, submit } = useSubmit();

  const saveSku = async (change: { priceFen?: number; stock?: { from: number; to: number } }) => {
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
    const next = p.status === 'on_sale' ? 'off_shelf' : 'on_sale';
    if (
      await submit(`status:${p.productId}`, (idempotencyKey) =>
        call('manager.setProductStatus', { productId: p.productId, status: next }, { idempotencyKey }),
      )
    )
      feed.refresh();
  };

  const list = (
    <View>
      <ProductListHeader status={status} onSearch={setKeyword} onStatus={setStatus} onNew={() => setOpen(null)} />
      <FeedBody
        feed={feed}
        skeletonRows={4}
        listClass="m-page__list"
        footerClass="m-page__footer"
        id="m-product-list"
        empty={<EmptyState title={keyword ? '没有找到商品' : '还没有商品'} />}
      >
        {feed.items.map((p) => (
          <ProductListCard
            key={p.productId}
            product={p}
            selected={open === p.productId}
            busy={busy}
            onOpen={() => setOpen(p.productId)}
            onEditSku={setEditing}
            onToggle={() => void toggle(p)}
          />
        ))}
      </FeedBody>
    </View>
  );
  return (
    <View className="page m-page" id="page-manager-products">
      <SplitView
        id="m-products-split"
        list={list}
        placeholder="选择左侧商品编辑，或新建商品"
        onBack={() => setOpen(undefined)}
        detail={
          open !== undefined && (
            <ProductEditor
              key={open ?? 'new'}
              productId={open}
              categories={categories.data?.items ?? []}
              onDone={(next) => {
                feed.refresh();
                setOpen(next ?? undefined);
              }}
            />
          )
        }
      />
      {/* Picking pictures is privacy-guarded on weapp: the page hosts the consent popup. */}
      <PrivacyPopup />
      <SkuEditor
        key={editing?.skuId ?? 'none'}
        sku={editing}
        busy={!!busy?.startsWith('sku:')}
        onClose={() => setEditing(undefined)}
        onSave={(c) => void saveSku(c)}
      />
    </View>
  );
}

export default withRole('manager', ManagerProductsPage);
