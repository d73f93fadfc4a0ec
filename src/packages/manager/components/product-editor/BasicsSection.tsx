import { Text, View } from '@tarojs/components';
import { Input, TextArea } from '@nutui/nutui-react-taro';
import type { ManagerCategoryView } from '../../../../../cloudfunctions/core/contract';
import type { EditorForm } from './editor-state';

interface Props {
  form: EditorForm;
  categories: ManagerCategoryView[];
  onChange: (patch: Partial<EditorForm>) => void;
}

/** 标题、副标题、分类、标签. */
export function BasicsSection({ form, categories, onChange }: Props) {
  return (
    <View className="pe-section card" id="pe-basics">
      <Text className="pe-section__title">基本信息</Text>
      <View className="form-row">
        <Text className="form-row__label">标题</Text>
        <Input
          className="form-row__input"
          id="pe-title"
          maxLength={40}
          placeholder="商品标题"
          value={form.title}
          onChange={(title) => onChange({ title })}
        />
      </View>
      <View className="form-row">
        <Text className="form-row__label">副标题</Text>
        <TextArea
          className="form-row__input"
          id="pe-subtitle"
          maxLength={60}
          rows={2}
          value={form.subtitle}
          onChange={(subtitle) => onChange({ subtitle })}
        />
      </View>
      <View className="pe-row">
        <Text className="form-row__label">分类</Text>
        <View className="pe-chips" id="pe-categories">
          {categories.map((c) => (
            <Text
              key={c.categoryId}
              id={`pe-category-${c.categoryId}`}
              className={`pe-chip${form.categoryId === c.categoryId ? ' pe-chip--on' : ''}`}
              onClick={() => onChange({ categoryId: c.categoryId })}
            >
              {c.hidden ? `${c.name}（隐藏）` : c.name}
            </Text>
          ))}
        </View>
      </View>
      <View className="form-row">
        <Text className="form-row__label">标签</Text>
        <Input
          className="form-row__input"
          id="pe-tags"
          placeholder="用空格分隔，如 新品 热卖"
          value={form.tags}
          onChange={(tags) => onChange({ tags })}
        />
      </View>
    </View>
  );
}
