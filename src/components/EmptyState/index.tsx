import { Image, View } from '@tarojs/components';
import { Button, Empty } from '@nutui/nutui-react-taro';
import { EMPTY_ART, ERROR_ART } from './art';
import './index.scss';

interface Props {
  title: string;
  description?: string;
  status?: 'empty' | 'error' | 'network';
  actionText?: string;
  onAction?: () => void;
  id?: string;
}

/** Empty or failed state with one optional action ("去逛逛", "重新加载"). */
export function EmptyState({ title, description, status = 'empty', actionText, onAction, id }: Props) {
  return (
    <View id={id} className="empty-state">
      <Empty
        title={title}
        description={description}
        status={status}
        imageSize={120}
        image={<Image className="empty-state__art" src={status === 'empty' ? EMPTY_ART : ERROR_ART} />}
      />
      {actionText && onAction && (
        <View className="empty-state__action">
          <Button type="primary" fill="outline" onClick={onAction} className="empty-state__btn">
            {actionText}
          </Button>
        </View>
      )}
    </View>
  );
}
