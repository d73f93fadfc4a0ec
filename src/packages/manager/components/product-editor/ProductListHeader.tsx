import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { Button, SearchBar } from '@nutui/nutui-react-taro';

export type StatusFilter = 'all' | 'on_sale' | 'off_shelf';
const FILTERS: Array<{ value: StatusFilter; label: string }> = [
  { value: 'all', label: '全部' },
  { value: 'on_sale', label: '在售' },
  { value: 'off_shelf', label: '已下架' },
];

interface Props {
  status: StatusFilter;
  onSearch: (keyword: string) => void;
  onStatus: (status: StatusFilter) => void;
  onNew: () => void;
}

/** The product list's search by title (on 搜索), status filter and 新建商品. */
export function ProductListHeader({ status, onSearch, onStatus, onNew }: Props) {
  // What is typed; the list reloads only on 搜索 (the bar is controlled, so it needs the draft).
  const [draft, setDraft] = useState('');
  return (
    <View className="m-page__top">
      <SearchBar
        id="m-product-search"
        placeholder="搜索商品标题"
        value={draft}
        onChange={setDraft}
        onSearch={(v) => onSearch(v.trim())}
        onClear={() => {
          setDraft('');
          onSearch('');
        }}
      />
      <View className="m-filters" id="m-product-filters">
        {FILTERS.map((f) => (
          <Text
            key={f.value}
            id={`m-filter-${f.value}`}
            className={`m-filter${status === f.value ? ' m-filter--on' : ''}`}
            onClick={() => onStatus(f.value)}
          >
            {f.label}
          </Text>
        ))}
        <Button size="small" type="primary" id="m-product-new" onClick={onNew}>
          新建商品
        </Button>
      </View>
    </View>
  );
}
