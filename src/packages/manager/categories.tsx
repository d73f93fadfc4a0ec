import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { Button, Tag } from '@nutui/nutui-react-taro';
import { call } from '../../api';
import type { ManagerCategoryView } from '../../../cloudfunctions/core/contract';
import { useRemote } from '../../hooks/useRemote';
import { useSubmit } from '../../hooks/useSubmit';
import { EmptyState } from '../../components/EmptyState';
import { ListSkeleton } from '../../components/Skeletons';
import { PrivacyPopup } from '../../components/PrivacyPopup';
import { SplitView } from '../../components/SplitView';
import { CategoryForm } from './components/CategoryForm';
import './components/product-editor/product-editor.scss';
import './manager.scss';
import { withRole } from '../../components/RoleGate';

/** 商品分类: the store's categories in 分类's order; move, hide, delete an empty one; edit beside the list. */
function ManagerCategoriesPage() {
  const remote = useRemote(() => call('manager.listCategories', {}), []);
  const [items, setItems] = useState<ManagerCategoryView[]>();
  const list = items ?? remote.data?.items;
  // undefined: nothing open; null: a new category.
  const [open, setOpen] = useState<string | null>();
  const { busy, submit } = useSubmit();
  const reload = async () => {
    await remote.reload();
    setItems(undefined);
  };
  const move = async (c: ManagerCategoryView, direction: 'up' | 'down') => {
    const done = await submit(`move:${c.categoryId}`, (k) =>
      call('manager.moveCategory', { categoryId: c.categoryId, direction }, { idempotencyKey: k }),
    );
    if (done) setItems(done.items);
  };
  const hide = async (c: ManagerCategoryView) => {
    const done = await submit(`hide:${c.categoryId}`, (k) =>
      call('manager.setCategoryHidden', { categoryId: c.categoryId, hidden: !c.hidden }, { idempotencyKey: k }),
    );
    if (done) setItems((list ?? []).map((x) => (x.categoryId === c.categoryId ? done : x)));
  };
  const remove = async (c: ManagerCategoryView) => {
    const { confirm } = await Taro.showModal({ title: '删除分类', content: `删除「${c.name}」？` });
    if (!confirm) return;
    if (
      await submit(`delete:${c.categoryId}`, (k) =>
        call('manager.deleteCategory', { categoryId: c.categoryId }, { idempotencyKey: k }),
      )
    )
      await reload();
  };
  const icons = [...new Map((list ?? []).map((c) => [c.iconId, { id: c.iconId, url: c.icon }])).values()];
  const current = list?.find((c) => c.categoryId === open);

  const listView = (
    <View className="m-page__list" id="m-category-list">
      <Button type="primary" size="small" id="m-category-new" onClick={() => setOpen(null)}>
        新建分类
      </Button>
      {remote.loading && !list && <ListSkeleton rows={5} />}
      {list?.length === 0 && <EmptyState title="还没有分类" />}
      {list?.map((c, i) => (
        <View
          className={`m-item card${open === c.categoryId ? ' m-item--selected' : ''}`}
          key={c.categoryId}
          id={`m-category-${c.categoryId}`}
        >
          <View className="m-item__head" onClick={() => setOpen(c.categoryId)}>
            <Image className="m-item__cover" src={c.icon} mode="aspectFill" />
            <Text className="m-item__title m-item__grow">{c.name}</Text>
            <Text className="m-item__text">{`${c.productCount} 件商品`}</Text>
            {c.hidden && (
              <Tag type="default" round>
                已隐藏
              </Tag>
            )}
          </View>
          <View className="m-item__actions">
            <Button
              size="small"
              fill="outline"
              className="m-category-up"
              disabled={!!busy || i === 0}
              onClick={() => void move(c, 'up')}
            >
              上移
            </Button>
            <Button
              size="small"
              fill="outline"
              className="m-category-down"
              disabled={!!busy || i === list.length - 1}
              onClick={() => void move(c, 'down')}
            >
              下移
            </Button>
            <Button
              size="small"
              fill="outline"
              className="m-category-hide"
              disabled={!!busy}
              onClick={() => void hide(c)}
            >
              {c.hidden ? '显示' : '隐藏'}
            </Button>
            <Button
              size="small"
              fill="outline"
              type="danger"
              className="m-category-delete"
              disabled={!!busy}
              onClick={() => void remove(c)}
            >
              删除
            </Button>
          </View>
        </View>
      ))}
    </View>
  );
  return (
    <View className="page m-page" id="page-manager-categories">
      {/* Picking pictures is privacy-guarded on weapp: the page hosts the consent popup. */}
      <PrivacyPopup />
      <SplitView
        id="m-categories-split"
        list={listView}
        placeholder="选择左侧分类编辑，或新建分类"
        onBack={() => setOpen(undefined)}
        detail={
          open !== undefined && (
            <CategoryForm
              key={open ?? 'new'}
              category={current}
              icons={icons}
              onSaved={(saved) => {
                void reload();
                setOpen(saved.categoryId);
              }}
            />
          )
        }
      />
    </View>
  );
}

export default withRole('manager', ManagerCategoriesPage);
