import { Image, Text, View } from '@tarojs/components';
import { ArrowRight } from '@nutui/icons-react-taro';
import { mediaUrl } from '../../api';
import type { AdvisorCard as Advisor } from '../../../cloudfunctions/core/contract';
import './index.scss';

interface Props {
  advisor: Advisor;
  /** The line under the name, e.g. the shop's name. */
  note?: string;
  /** Shown on the right with an arrow; the whole card is the tap target. */
  actionText?: string;
  onAction?: () => void;
  id?: string;
}

/** The member's personal advisor (专属导购): on 我的 and on the welcome page. */
export function AdvisorCard({ advisor, note, actionText, onAction, id }: Props) {
  return (
    <View className="advisor-card" id={id} onClick={onAction}>
      {advisor.avatarUrl ? (
        <Image className="advisor-card__avatar" src={mediaUrl(advisor.avatarUrl)} mode="aspectFill" />
      ) : (
        <View className="advisor-card__avatar advisor-card__avatar--text">{advisor.name.slice(0, 1)}</View>
      )}
      <View className="advisor-card__body">
        <Text className="advisor-card__label">专属导购</Text>
        <Text className="advisor-card__name">{advisor.name}</Text>
        {note ? <Text className="advisor-card__note">{note}</Text> : null}
      </View>
      {actionText ? (
        <View className="advisor-card__action">
          {actionText}
          <ArrowRight size={12} color="#3F6B57" />
        </View>
      ) : null}
    </View>
  );
}
