import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { ActionInput, ManagerHomeSection } from '../../../../cloudfunctions/core/contract';
import { call } from '../../../api';
import { useRemote } from '../../../hooks/useRemote';
import { FormRow } from '../../../components/FormRow';
import { Chips } from './Chips';
import { EditorActions } from './EditorActions';
import { HomeSectionProductPicker, type PickedProduct } from './HomeSectionProductPicker';

type SaveInput = ActionInput<'manager.saveHomeSection'>;
type Kind = ManagerHomeSection['kind'];

const KINDS: Array<{ value: Kind; label: string }> = [
  { value: 'products', label: '精选商品' },
  { value: 'newest', label: '分类新品' },
];

interface Props {
  section: ManagerHomeSection | null;
  busy: boolean;
  onSave: (input: SaveInput) => void;
  onDelete?: () => void;
}

/** The list with item `i` one step up (the first stays first). */
function stepUp<T>(items: T[], i: number): T[] {
  if (i <= 0) return items;
  const next = [...items];
  [next[i - 1], next[i]] = [next[i]!, next[i - 1]!];
  return next;
}

function ChosenList({ items, onChange }: { items: PickedProduct[]; onChange: (items: PickedProduct[]) => void }) {
  return (
    <View className="m-picker" id="section-chosen">
      {items.map((p, i) => (
        <View key={p.productId} className="m-picker__row" id={`section-chosen-${p.productId}`}>
          <Text className="m-picker__title">{`${i + 1}. ${p.title}`}</Text>
          <Text className="m-picker__add" onClick={() => onChange(stepUp(items, i))}>
            上移
          </Text>
          <Text className="m-picker__add" onClick={() => onChange(items.filter((x) => x !== p))}>
            移除
          </Text>
        </View>
      ))}
    </View>
  );
}

/** 版块编辑: a titled section of chosen products (in the order listed), or the newest N of a category. */
export function HomeSectionEditor({ section, busy, onSave, onDelete }: Props) {
  const [title, setTitle] = useState(section?.title ?? '');
  const [kind, setKind] = useState<Kind>(section?.kind ?? 'products');
  const [chosen, setChosen] = useState<PickedProduct[]>(section?.products ?? []);
  const [categoryId, setCategoryId] = useState(section?.categoryId ?? null);
  const [count, setCount] = useState(String(section?.newestCount ?? 4));
  const [active, setActive] = useState(section?.active ?? true);
  const categories = useRemote(() => call('catalog.home', {}).then((h) => h.categories), []);
  const n = /^\d{1,2}$/.test(count.trim()) ? Number(count) : 0;
  const content: SaveInput['content'] | null =
    kind === 'products'
      ? chosen.length > 0
        ? { kind, productIds: chosen.map((p) => p.productId) }
        : null
      : categoryId && n >= 1 && n <= 20
        ? { kind, categoryId, count: n }
        : null;
  const valid = title.trim() && content;
  const add = (p: PickedProduct) =>
    setChosen((old) => (old.some((x) => x.productId === p.productId) ? old : [...old, p]));
  const submit = () =>
    valid &&
    onSave({ ...(section ? { sectionId: section.sectionId } : {}), title: title.trim(), content: content!, active });
  return (
    <View className="ship-form m-editor" id="section-editor">
      <Text className="m-editor__title">{section ? '编辑版块' : '新建版块'}</Text>
      <FormRow label="标题" id="section-title" value={title} placeholder="如 店长推荐" onChange={setTitle} />
      <Chips id="section-kind" options={KINDS} value={kind} onChange={setKind} />
      {kind === 'products' ? (
        <>
          <ChosenList items={chosen} onChange={setChosen} />
          <HomeSectionProductPicker id="section-pick" onPick={add} />
        </>
      ) : (
        <>
          <Chips
            id="section-category"
            options={(categories.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
            value={categoryId}
            onChange={setCategoryId}
          />
          <FormRow
            label="展示数量"
            id="section-count"
            type="number"
            value={count}
            placeholder="1-20"
            onChange={setCount}
          />
        </>
      )}
      <EditorActions
        id="section"
        noun="版块"
        active={active}
        onActive={setActive}
        busy={busy}
        valid={Boolean(valid)}
        onSave={submit}
        onDelete={onDelete}
      />
    </View>
  );
}
