import { View } from '@tarojs/components';
import { Loading } from '@nutui/nutui-react-taro';
import type { ReactNode } from 'react';
import { ListSkeleton } from '../Skeletons';
import { EmptyState } from '../EmptyState';

interface Feed {
  firstLoad: boolean;
  items: unknown[];
  failed: boolean;
  loading: boolean;
  done: boolean;
  refresh: () => void;
}

interface Props {
  /** What `useCursorPages` returns. */
  feed: Feed;
  skeletonRows?: number;
  /** Shown when the first page is empty and did not fail. */
  empty: ReactNode;
  /** Each page keeps its own class names, so its stylesheet decides the padding and the footer look. */
  listClass: string;
  footerClass: string;
  id?: string;
  children: ReactNode;
}

/**
 * The body of a cursor-paged list page: a skeleton on the first load, a retry state when it failed,
 * the page's empty state, else the rows and a footer that says loading / the end.
 */
export function FeedBody({ feed, skeletonRows = 3, empty, listClass, footerClass, id, children }: Props) {
  if (feed.firstLoad) return <ListSkeleton rows={skeletonRows} />;
  if (feed.items.length === 0) {
    return feed.failed ? (
      <EmptyState status="network" title="加载失败" actionText="重新加载" onAction={feed.refresh} />
    ) : (
      <>{empty}</>
    );
  }
  return (
    <View className={listClass} id={id}>
      {children}
      <View className={footerClass}>
        {feed.loading ? <Loading type="circular">加载中</Loading> : feed.done ? '— 已经到底了 —' : ''}
      </View>
    </View>
  );
}
