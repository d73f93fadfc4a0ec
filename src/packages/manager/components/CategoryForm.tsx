import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { Button } from '@nutui/nutui-react-taro';
import { call, toastError } from '../../../api';
import type { ManagerCategoryView } from '../../../../cloudfunctions/core/contract';
import { useSubmit } from '../../../hooks/useSubmit';
import { FormRow } from '../../../components/FormRow';
import { pickAndUpload } from './product-editor/upload-image';
import type { Img } from './product-editor/editor-state';
import '../../../styles/form-row.scss';

interface Props {
  /** undefined: a new category. */
  category?: ManagerCategoryView;
  /** The store's icons, to pick one instead of uploading. */
  icons: Img[];
  onSaved: (saved: ManagerCategoryView) => void;
}

/** 新建 / 编辑分类: a name and an icon, picked from the store's icons or uploaded. */
export function CategoryForm({ category, icons, onSaved }: Props) {
  const [name, setName] = useState(category?.name ?? '');
  const [icon, setIcon] = useState<Img | undefined>(category ? { id: category.iconId, url: category.icon } : icons[0]);
  const [uploading, setUploading] = useState(false);
  const { busy, submit } = useSubmit();
  const upload = async () => {
    setUploading(true);
    try {
      const [img] = await pickAndUpload(1, true);
      if (img) setIcon(img);
    } catch (err) {
      toastError(err);
    } finally {
      setUploading(false);
    }
  };
  const save = async () => {
    if (!name.trim()) return void Taro.showToast({ title: '请填写分类名称', icon: 'none' });
    if (!icon) return void Taro.showToast({ title: '请选择图标', icon: 'none' });
    const input = { ...(category ? { categoryId: category.categoryId } : {}), name: name.trim(), icon: icon.id };
    const saved = await submit('save', (k) => call('manager.saveCategory', input, { idempotencyKey: k }));
    if (saved) {
      void Taro.showToast({ title: '已保存', icon: 'success' });
      onSaved(saved);
    }
  };
  return (
    <View className="m-form card" id="m-category-form">
      <Text className="pe-section__title">{category ? '编辑分类' : '新建分类'}</Text>
      <FormRow label="名称" id="m-category-name" maxLength={10} value={name} onChange={setName} />
      <Text className="form-row__label">图标</Text>
      <View className="m-icons" id="m-category-icons">
        {icons.map((i) => (
          <Image
            key={i.id}
            className={`m-icons__item${icon?.id === i.id ? ' m-icons__item--on' : ''}`}
            src={i.url}
            mode="aspectFill"
            onClick={() => setIcon(i)}
          />
        ))}
        {icon && !icons.some((i) => i.id === icon.id) && (
          <Image className="m-icons__item m-icons__item--on" src={icon.url} mode="aspectFill" />
        )}
      </View>
      <Button size="small" id="m-category-upload" loading={uploading} onClick={() => void upload()}>
        上传图标
      </Button>
      <Button block type="primary" id="m-category-save" loading={busy === 'save'} disabled={!!busy} onClick={save}>
        保存
      </Button>
    </View>
  );
}
