import { Text, View } from '@tarojs/components';
import { Avatar, Tag } from '@nutui/nutui-react-taro';
import type { AdvisorCustomer } from '../../../../cloudfunctions/core/contract';
import { mediaUrl } from '../../../api';
import { shanghaiTime } from '../../../utils/shanghai-time';

interface Props {
  customer: AdvisorCustomer;
  onOpen?: () => void;
}

/** One of the advisor's customers: who, tier, points, last order, and the two reasons to reach out. */
export function CustomerCard({ customer: c, onOpen }: Props) {
  return (
    <View className="adv-customer card" id={`customer-${c.memberId}`} onClick={onOpen}>
      <Avatar size="48" src={c.avatarUrl ? mediaUrl(c.avatarUrl) : ''}>
        {c.nickname.slice(0, 1)}
      </Avatar>
      <View className="adv-customer__body">
        <View className="adv-customer__head">
          <Text className="adv-customer__name">{c.nickname}</Text>
          <Tag type="warning" round>
            {c.tier.name}
          </Tag>
          {c.dueForRepurchase && <Text className="adv-flag adv-flag--due">待复购</Text>}
          {c.birthdayThisMonth && <Text className="adv-flag adv-flag--birthday">本月生日</Text>}
        </View>
        <Text className="adv-customer__meta">
          {`积分 ${c.points} · ${c.lastOrderAt ? `最近下单 ${shanghaiTime(c.lastOrderAt, 'YYYY-MM-DD')}` : '尚未下单'}`}
        </Text>
        <Text className="adv-customer__meta">{`绑定于 ${shanghaiTime(c.boundAt, 'YYYY-MM-DD')}`}</Text>
      </View>
    </View>
  );
}
