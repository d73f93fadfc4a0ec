import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Popup } from '@nutui/nutui-react-taro';
import type { SharePreview as Preview } from '../../hooks/useShare';
import { shareLink } from '../../utils/share-link';
import './index.scss';

/** H5's stand-in for WeChat's chat card: the card as a friend would see it, and its link to copy. */
export function SharePreview({ preview, onClose }: { preview: Preview | null; onClose: () => void }) {
  // The card carries the page path; what is copied is a link a friend's browser can open.
  const link = preview ? shareLink(preview.path) : '';
  const copy = () =>
    preview &&
    void Taro.setClipboardData({ data: link }).then(
      () => Taro.showToast({ title: '链接已复制，发给好友吧', icon: 'none' }),
      () => Taro.showToast({ title: '复制失败，请长按链接复制', icon: 'none' }),
    );
  return (
    <Popup visible={preview !== null} position="bottom" round closeable title="分享给好友" onClose={onClose}>
      {preview && (
        <View className="share-preview" id="share-preview">
          <View className="share-preview__card">
            <Text className="share-preview__title">{preview.title}</Text>
            {preview.imageUrl && (
              <Image
                className="share-preview__cover"
                id="share-preview-cover"
                src={preview.imageUrl}
                mode="aspectFill"
              />
            )}
            <Text className="share-preview__brand">小程序</Text>
          </View>
          <Text className="share-preview__path" id="share-preview-path" selectable>
            {link}
          </Text>
          <Button type="primary" block onClick={copy} id="share-preview-copy">
            复制链接
          </Button>
        </View>
      )}
    </Popup>
  );
}
