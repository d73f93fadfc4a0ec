import { Image, Text, View } from '@tarojs/components';
import { Button, TextArea } from '@nutui/nutui-react-taro';
import { moved, type FormBlock } from './editor-state';

interface Props {
  blocks: FormBlock[];
  busy: boolean;
  onAddImage: () => void;
  onChange: (blocks: FormBlock[]) => void;
}

/** 商品详情: paragraphs and pictures, top to bottom, as the customer's detail page shows them. */
export function DetailSection({ blocks, busy, onAddImage, onChange }: Props) {
  const ops = (i: number) => (
    <View className="pe-block__ops">
      <Text className="pe-link" onClick={() => onChange(moved(blocks, i, -1))}>
        上移
      </Text>
      <Text className="pe-link" onClick={() => onChange(moved(blocks, i, 1))}>
        下移
      </Text>
      <Text className="pe-link" onClick={() => onChange(blocks.filter((_, j) => j !== i))}>
        删除
      </Text>
    </View>
  );
  return (
    <View className="pe-section card" id="pe-detail">
      <Text className="pe-section__title">商品详情</Text>
      {blocks.map((b, i) => (
        <View className="pe-block" key={i} id={`pe-block-${i}`}>
          {b.type === 'text' ? (
            <TextArea
              className="pe-block__text"
              id={`pe-block-${i}-text`}
              rows={3}
              maxLength={2000}
              value={b.text}
              onChange={(text) => onChange(blocks.map((x, j) => (j === i ? { type: 'text', text } : x)))}
            />
          ) : (
            <Image className="pe-block__img" src={b.img.url} mode="widthFix" />
          )}
          {ops(i)}
        </View>
      ))}
      <View className="pe-block__add">
        <Button size="small" id="pe-add-text" onClick={() => onChange([...blocks, { type: 'text', text: '' }])}>
          + 段落
        </Button>
        <Button size="small" id="pe-add-detail-image" loading={busy} onClick={onAddImage}>
          + 图片
        </Button>
      </View>
    </View>
  );
}
