import { Image, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { moved, type Img } from './editor-state';

interface Props {
  images: Img[];
  busy: boolean;
  onAdd: () => void;
  onChange: (images: Img[]) => void;
}

/** 商品图: up to 9 square pictures, the first is the cover; move left/right, remove. */
export function GallerySection({ images, busy, onAdd, onChange }: Props) {
  return (
    <View className="pe-section card" id="pe-gallery">
      <Text className="pe-section__title">{`商品图（${images.length}/9，首图为封面）`}</Text>
      <View className="pe-gallery">
        {images.map((img, i) => (
          <View className="pe-thumb" key={`${img.id}-${i}`} id={`pe-image-${i}`}>
            <Image className="pe-thumb__img" src={img.url} mode="aspectFill" />
            <View className="pe-thumb__bar">
              <Text className="pe-thumb__op" onClick={() => onChange(moved(images, i, -1))}>
                ‹
              </Text>
              <Text className="pe-thumb__op" onClick={() => onChange(images.filter((_, j) => j !== i))}>
                删除
              </Text>
              <Text className="pe-thumb__op" onClick={() => onChange(moved(images, i, 1))}>
                ›
              </Text>
            </View>
          </View>
        ))}
        {images.length < 9 && (
          <Button className="pe-thumb pe-thumb--add" id="pe-add-image" fill="dashed" loading={busy} onClick={onAdd}>
            + 上传
          </Button>
        )}
      </View>
    </View>
  );
}
