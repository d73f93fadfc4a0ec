import { Canvas, Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { Button, Loading, Popup } from '@nutui/nutui-react-taro';
import type { InviteCard } from '../../../../cloudfunctions/core/contract';
import { renderPosterH5 } from './poster-h5';
import { renderPosterWeapp, savePosterWeapp } from './poster-weapp';

const CANVAS_ID = 'invite-poster-canvas';
const isH5 = process.env.TARO_ENV === 'h5';

/** The poster, drawn when the sheet opens: weapp saves it to the album, H5 shows it to long-press. */
export function PosterSheet({ card, visible, onClose }: { card: InviteCard; visible: boolean; onClose: () => void }) {
  const [src, setSrc] = useState<string>();
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!visible || src) return;
    setFailed(false);
    // weapp: the canvas node exists only once the popup has rendered.
    const timer = setTimeout(() => {
      (isH5 ? renderPosterH5(card) : renderPosterWeapp(card, CANVAS_ID)).then(setSrc, () => {
        setFailed(true);
        void Taro.showToast({ title: '海报生成失败，请重试', icon: 'none' });
      });
    }, 50);
    return () => clearTimeout(timer);
  }, [visible, src, card]);

  const save = async () => {
    if (!src) return;
    try {
      if (await savePosterWeapp(src)) void Taro.showToast({ title: '已保存到相册', icon: 'success' });
    } catch {
      void Taro.showModal({ title: '保存失败', content: '海报没有保存成功，请稍后重试', showCancel: false });
    }
  };

  return (
    <Popup visible={visible} position="center" round onClose={onClose} className="invite-poster">
      <View className="invite-poster__body" id="invite-poster">
        {!isH5 && <Canvas type="2d" id={CANVAS_ID} className="invite-poster__canvas" />}
        {src ? (
          <Image
            className="invite-poster__image"
            id="invite-poster-image"
            src={src}
            mode="widthFix"
            showMenuByLongpress
          />
        ) : (
          <View className="invite-poster__loading">
            {failed ? <Text>海报生成失败</Text> : <Loading>海报生成中…</Loading>}
          </View>
        )}
        {isH5 ? (
          <Text className="invite-poster__hint">长按图片保存，发给好友或分享到朋友圈</Text>
        ) : (
          <Button type="primary" block disabled={!src} onClick={() => void save()}>
            保存到相册
          </Button>
        )}
      </View>
    </Popup>
  );
}
