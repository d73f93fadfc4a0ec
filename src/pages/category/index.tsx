import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { call } from '../../api';
import { useRemote } from '../../hooks/useRemote';
import { ProductFeed } from '../../components/ProductFeed';
import { ListSkeleton } from '../../components/Skeletons';
import { EmptyState } from '../../components/EmptyState';
import './index.scss';

export default function CategoryPage() {
  const home = useRemote(() => call('catalog.home', {}), []);
  const categories = home.data?.categories ?? [];
  const [active, setActive] = useState<string>();

  useEffect(() => {
    if (!active && categories.length > 0) setActive(categories[0].id);
  }, [active, categories]);

  if (home.loading && !home.data) {
    return (
      <View className="page category">
        <ListSkeleton rows={5} />
      </View>
    );
  }
  if (!home.data || categories.length === 0) {
    return (
      <View className="page category">
        {home.data ? (
          <EmptyState title="暂无分类" />
        ) : (
          <EmptyState status="network" title="加载失败" actionText="重新加载" onAction={() => void home.reload()} />
        )}
      </View>
    );
  }

  return (
    <View className="page category" id="page-category">
      <View className="category__rail">
        {categories.map((c) => (
          <View
            key={c.id}
            id={`cat-${c.id}`}
            className={`category__cat ${c.id === active ? 'is-active' : ''}`}
            onClick={() => setActive(c.id)}
          >
            <Text>{c.name}</Text>
          </View>
        ))}
      </View>
      <View className="category__main">
        {active && <ProductFeed key={active} categoryId={active} id="category-feed" />}
      </View>
    </View>
  );
}
