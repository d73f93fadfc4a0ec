import { Image, Text, View } from '@tarojs/components';
import type { GroupBuyMemberView } from '../../../../cloudfunctions/core/contract';
import { mediaUrl } from '../../../api';

/** The team's seats: members' avatars (leader marked 团长), then empty seats as "?". */
export function Seats({ members, size }: { members: GroupBuyMemberView[]; size: number }) {
  return (
    <View className="gb-seats" id="team-seats">
      {Array.from({ length: size }, (_, i) => {
        const m = members[i];
        if (!m) {
          return (
            <View key={i} className="gb-seat is-empty">
              <Text>?</Text>
            </View>
          );
        }
        return (
          <View key={i} className="gb-seat">
            {m.avatarUrl ? (
              <Image className="gb-seat__img" src={mediaUrl(m.avatarUrl)} mode="aspectFill" />
            ) : (
              <Text>{m.nickname.slice(0, 1)}</Text>
            )}
            {m.leader && <Text className="gb-seat__tag">团长</Text>}
          </View>
        );
      })}
    </View>
  );
}
