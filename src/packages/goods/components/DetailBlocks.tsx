import { Image, Text, View } from '@tarojs/components';
import type { DetailBlock } from '../../../../cloudfunctions/core/contract';

interface Props {
  /** The seed's plain-text description (may be empty), shown first. */
  description: string;
  /** The manager's paragraphs and pictures, in order. */
  blocks: DetailBlock[];
}

/** 商品详情: the description's paragraphs, then the manager's blocks; nothing at all shows no card. */
export function DetailBlocks({ description, blocks }: Props) {
  const paras = description.split(/\n+/).filter((p) => p.trim());
  if (paras.length === 0 && blocks.length === 0) return null;
  return (
    <View className="detail-desc card" id="detail-blocks">
      <Text className="detail-desc__head">商品详情</Text>
      {paras.map((para, i) => (
        <Text key={`d${i}`} className="detail-desc__para">
          {para}
        </Text>
      ))}
      {blocks.map((b, i) =>
        b.type === 'text' ? (
          <Text key={`b${i}`} className="detail-desc__para">
            {b.text}
          </Text>
        ) : (
          <Image key={`b${i}`} className="detail-desc__img" src={b.image} mode="widthFix" lazyLoad />
        ),
      )}
    </View>
  );
}
