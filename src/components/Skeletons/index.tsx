import { View } from '@tarojs/components';
import { Skeleton } from '@nutui/nutui-react-taro';
import './index.scss';

/** Placeholder rows while a list loads. */
export function ListSkeleton({ rows = 4 }: { rows?: number }) {
  return (
    <View className="sk-list">
      {Array.from({ length: rows }, (_, i) => (
        <View key={i} className="sk-list__row">
          <Skeleton width="90px" height="90px" animated />
          <View className="sk-list__text">
            <Skeleton rows={3} animated />
          </View>
        </View>
      ))}
    </View>
  );
}

/** Placeholder for a whole page: a hero block and text rows. */
export function PageSkeleton() {
  return (
    <View className="sk-page">
      <Skeleton width="100%" height="180px" animated />
      <View className="sk-page__rows">
        <Skeleton rows={3} animated />
      </View>
      <ListSkeleton rows={2} />
    </View>
  );
}
