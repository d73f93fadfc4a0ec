import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { call } from '../../../api';
import { useRemote } from '../../../hooks/useRemote';
import { useSearchHistory } from '../../../stores/search-history';

/** Before a search: this device's history (clearable) and the store's 热搜, each a tap to search. */
export function SearchPanel({ onSearch }: { onSearch: (keyword: string) => void }) {
  const { keywords, clear } = useSearchHistory();
  const hints = useRemote(() => call('catalog.searchHints', {}), []);

  const confirmClear = async () => {
    const res = await Taro.showModal({ title: '清空搜索历史', content: '确定清空吗？', confirmColor: '#3F6B57' });
    if (res.confirm) clear();
  };

  return (
    <View className="search-panel">
      {keywords.length > 0 && (
        <View className="search-panel__block" id="search-history">
          <View className="search-panel__head">
            <Text className="search-panel__title">搜索历史</Text>
            <Text className="search-panel__clear" id="search-history-clear" onClick={() => void confirmClear()}>
              清空
            </Text>
          </View>
          <View className="search-panel__chips">
            {keywords.map((k) => (
              <Text key={k} className="search-chip" onClick={() => onSearch(k)}>
                {k}
              </Text>
            ))}
          </View>
        </View>
      )}
      {!!hints.data?.hot.length && (
        <View className="search-panel__block" id="search-hot">
          <View className="search-panel__head">
            <Text className="search-panel__title">热搜</Text>
          </View>
          <View className="search-panel__chips">
            {hints.data.hot.map((k, i) => (
              <Text key={k} className={`search-chip ${i < 3 ? 'is-top' : ''}`} onClick={() => onSearch(k)}>
                {k}
              </Text>
            ))}
          </View>
        </View>
      )}
    </View>
  );
}
