import { ScrollView, View } from '@tarojs/components';
import { Loading } from '@nutui/nutui-react-taro';
import { useProductPages, type ProductSort } from '../../hooks/useProductPages';
import { ProductRow } from '../ProductRow';
import { ListSkeleton } from '../Skeletons';
import { EmptyState } from '../EmptyState';
import './index.scss';

interface Props {
  categoryId?: string;
  keyword?: string;
  sort?: ProductSort;
  className?: string;
  id?: string;
}

/** Scrolling product list with cursor paging: loads the next page near the bottom. */
export function ProductFeed({ categoryId, keyword, sort, className, id }: Props) {
  const feed = useProductPages({ categoryId, keyword, sort });

  let footer: JSX.Element | null = null;
  if (feed.loading && feed.items.length > 0) {
    footer = (
      <View className="feed-footer">
        <Loading type="circular">加载中</Loading>
      </View>
    );
  } else if (feed.failed && feed.items.length > 0) {
    footer = (
      <View className="feed-footer feed-footer--retry" onClick={feed.retry}>
        加载失败，点击重试
      </View>
    );
  } else if (feed.done && feed.items.length > 0) {
    footer = <View className="feed-footer">— 已经到底了 —</View>;
  }

  return (
    <ScrollView
      scrollY
      className={`feed ${className ?? ''}`}
      id={id}
      lowerThreshold={120}
      onScrollToLower={feed.loadMore}
    >
      {feed.firstLoad ? (
        <ListSkeleton rows={4} />
      ) : feed.items.length === 0 ? (
        feed.failed ? (
          <EmptyState status="network" title="加载失败" actionText="重新加载" onAction={feed.retry} />
        ) : (
          <EmptyState title={keyword ? '没有找到相关商品' : '这里还没有商品'} description="换个分类或关键词看看" />
        )
      ) : (
        <View className="feed__list">
          {feed.items.map((p) => (
            <ProductRow key={p.id} product={p} />
          ))}
          {footer}
        </View>
      )}
    </ScrollView>
  );
}
