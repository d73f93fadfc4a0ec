import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { Button } from '@nutui/nutui-react-taro';
import { call, toastError } from '../../../../api';
import type { EditorProduct, ManagerCategoryView } from '../../../../../cloudfunctions/core/contract';
import { useRemote } from '../../../../hooks/useRemote';
import { useSubmit } from '../../../../hooks/useSubmit';
import { PageSkeleton } from '../../../../components/Skeletons';
import { BasicsSection } from './BasicsSection';
import { DeliverySection } from './DeliverySection';
import { DetailSection } from './DetailSection';
import { GallerySection } from './GallerySection';
import { SkuTable } from './SkuTable';
import { SpecsSection } from './SpecsSection';
import { blankForm, formOf, toSaveInput, withGroups, type EditorForm } from './editor-state';
import { pickAndUpload } from './upload-image';
import '../../../../styles/form-row.scss';
import './product-editor.scss';

interface Props {
  /** null: a new product. */
  productId: string | null;
  categories: ManagerCategoryView[];
  /** After a save, a copy or a delete: the list reloads; `opened` is the product to show next (null: none). */
  onDone: (opened: string | null) => void;
}

function EditorBody({ initial, categories, onDone }: { initial: EditorForm } & Omit<Props, 'productId'>) {
  const [form, setForm] = useState(initial);
  const [uploading, setUploading] = useState<string>();
  const { busy, submit } = useSubmit();
  const patch = (p: Partial<EditorForm>) => setForm((f) => ({ ...f, ...p }));
  const pick = async (slot: string, count: number, square: boolean) => {
    setUploading(slot);
    try {
      return await pickAndUpload(count, square);
    } catch (err) {
      toastError(err);
      return [];
    } finally {
      setUploading(undefined);
    }
  };
  const save = async () => {
    const built = toSaveInput(form);
    if ('error' in built) return void Taro.showToast({ title: built.error, icon: 'none' });
    const saved = await submit('save', (idempotencyKey) =>
      call('manager.saveProduct', built.input, { idempotencyKey }),
    );
    if (!saved) return;
    setForm(formOf(saved));
    void Taro.showToast({ title: '已保存', icon: 'success' });
    onDone(saved.productId);
  };
  const act = async (kind: 'duplicate' | 'delete') => {
    const productId = form.productId!;
    if (kind === 'delete') {
      const { confirm } = await Taro.showModal({
        title: '删除商品',
        content: '删除后顾客看不到该商品，已下的订单不受影响。',
      });
      if (!confirm) return;
      const done = await submit('delete', (k) => call('manager.deleteProduct', { productId }, { idempotencyKey: k }));
      if (done) onDone(null);
      return;
    }
    const copy = await submit('duplicate', (k) =>
      call('manager.duplicateProduct', { productId }, { idempotencyKey: k }),
    );
    if (copy) {
      void Taro.showToast({ title: '已复制为下架商品', icon: 'none' });
      onDone(copy.productId);
    }
  };
  return (
    <View className="pe" id="product-editor">
      <BasicsSection form={form} categories={categories} onChange={patch} />
      <GallerySection
        images={form.images}
        busy={uploading === 'gallery'}
        onChange={(images) => patch({ images })}
        onAdd={() =>
          void pick('gallery', 9 - form.images.length, true).then((more) =>
            setForm((f) => ({ ...f, images: [...f.images, ...more].slice(0, 9) })),
          )
        }
      />
      <SpecsSection groups={form.groups} onChange={(groups) => setForm((f) => withGroups(f, groups))} />
      <SkuTable skus={form.skus} onChange={(skus) => patch({ skus })} />
      <DetailSection
        blocks={form.detail}
        busy={uploading === 'detail'}
        onChange={(detail) => patch({ detail })}
        onAddImage={() =>
          void pick('detail', 1, false).then((more) =>
            setForm((f) => ({ ...f, detail: [...f.detail, ...more.map((img) => ({ type: 'image' as const, img }))] })),
          )
        }
      />
      <DeliverySection form={form} onChange={patch} />
      <View className="pe-actions">
        {form.productId && (
          <>
            <Button id="pe-duplicate" fill="outline" disabled={!!busy} onClick={() => void act('duplicate')}>
              复制
            </Button>
            <Button id="pe-delete" fill="outline" type="danger" disabled={!!busy} onClick={() => void act('delete')}>
              删除
            </Button>
          </>
        )}
        <Button id="pe-save" type="primary" loading={busy === 'save'} disabled={!!busy} onClick={() => void save()}>
          {form.productId ? '保存修改' : '创建商品'}
        </Button>
      </View>
    </View>
  );
}

/** 商品编辑: loads the product (or starts a blank one) and hands it to the form. */
export function ProductEditor({ productId, categories, onDone }: Props) {
  const loaded = useRemote<EditorProduct | null>(
    () => (productId ? call('manager.getProduct', { productId }) : Promise.resolve(null)),
    [productId],
  );
  if (loaded.loading) return <PageSkeleton />;
  if (productId && !loaded.data) return <Text className="pe-hint">商品加载失败，请返回重试</Text>;
  const initial = loaded.data ? formOf(loaded.data) : blankForm(categories[0]?.categoryId ?? '');
  return (
    <EditorBody
      key={`${productId ?? 'new'}-${loaded.data?.version ?? 0}`}
      initial={initial}
      categories={categories}
      onDone={onDone}
    />
  );
}
