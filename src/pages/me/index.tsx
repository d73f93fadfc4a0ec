import { View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useRef } from 'react';
import { Cell, CellGroup } from '@nutui/nutui-react-taro';
import { call } from '../../api';
import { useRemote } from '../../hooks/useRemote';
import { useSession } from '../../stores/session';
import { PageSkeleton } from '../../components/Skeletons';
import { EmptyState } from '../../components/EmptyState';
import { MemberCard } from './components/MemberCard';
import { DevAccount } from './components/DevAccount';
import './index.scss';

const MENU = ['我的订单', '优惠券', '积分明细', '邀请有礼'];

export default function MePage() {
  const openid = useSession((s) => s.openid);
  const me = useRemote(() => call('member.me', {}), [openid]);
  const shown = useRef(false);

  // Refresh on every return to the tab (points may have changed), but not on the first show.
  useDidShow(() => {
    if (shown.current) void me.reload();
    shown.current = true;
  });

  return (
    <View className="page me" id="page-me">
      <View className="me__hero">
        {me.loading && !me.data ? (
          <PageSkeleton />
        ) : me.data ? (
          <MemberCard me={me.data} />
        ) : (
          <EmptyState status="network" title="会员信息加载失败" actionText="重新加载" onAction={() => void me.reload()} />
        )}
      </View>
      <View className="me__menu">
        <CellGroup>
          {MENU.map((title) => (
            <Cell key={title} title={title} extra="即将上线" className="me__cell" />
          ))}
        </CellGroup>
      </View>
      {process.env.TARO_ENV === 'h5' && <DevAccount onSwitched={() => undefined} />}
    </View>
  );
}
