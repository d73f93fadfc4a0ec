import { View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useRef } from 'react';
import { Cell, CellGroup } from '@nutui/nutui-react-taro';
import { ArrowRight } from '@nutui/icons-react-taro';
import { call } from '../../api';
import { useRemote } from '../../hooks/useRemote';
import { useSession } from '../../stores/session';
import { PageSkeleton } from '../../components/Skeletons';
import { EmptyState } from '../../components/EmptyState';
import { MemberCard } from './components/MemberCard';
import { DevAccount } from './components/DevAccount';
import { OrderShortcuts } from './components/OrderShortcuts';
import { Celebration } from '../../packages/member/celebration';
// the member's advisor and store
import { AdvisorCard } from '../../components/AdvisorCard';
import './index.scss';

/** Member pages live in the member subpackage; each cell opens one. */
const MENU: Array<{ title: string; url: string; id: string }> = [
  { title: '积分明细', url: '/packages/member/points', id: 'menu-points' },
  { title: '我的优惠券', url: '/packages/member/coupons', id: 'menu-coupons' },
  { title: '领券中心', url: '/packages/member/claim', id: 'menu-claim' },
  { title: '会员权益', url: '/packages/member/benefits', id: 'menu-benefits' },
  { title: '会员码', url: '/packages/member/code', id: 'menu-member-code' },
  { title: '个人资料', url: '/packages/member/profile', id: 'menu-profile' },
  { title: '收货地址', url: '/packages/member/addresses', id: 'menu-addresses' },
  // group-buy.
  { title: '拼团', url: '/packages/groupbuy/list', id: 'menu-groupbuy' },
];

function MenuExtra({ text }: { text: string }) {
  return (
    <View className="me__cell-extra">
      {text}
      <ArrowRight size={12} color="#B3AAA3" />
    </View>
  );
}

export default function MePage() {
  const openid = useSession((s) => s.openid);
  const me = useRemote(() => call('member.me', {}), [openid]);
  const orders = useRemote(() => call('order.list', {}), [openid]);
  const myShop = useRemote(() => call('shop.myShop', {}), [openid]);
  const shown = useRef(false);

  // Refresh on every return to the tab (points may have changed), but not on the first show.
  useDidShow(() => {
    if (shown.current) {
      void me.reload();
      void orders.reload();
      void myShop.reload();
    }
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
          <EmptyState
            status="network"
            title="会员信息加载失败"
            actionText="重新加载"
            onAction={() => void me.reload()}
          />
        )}
      </View>
      <View className="me__orders">
        <OrderShortcuts counts={orders.data?.counts} />
      </View>
      {/* the advisor who serves the member, or the store whose pool they joined */}
      {myShop.data?.shop ? (
        <View className="me__advisor">
          {myShop.data.advisor ? (
            <AdvisorCard
              advisor={myShop.data.advisor}
              note={myShop.data.shop.name}
              actionText="门店信息"
              id="me-advisor"
              onAction={() => void Taro.navigateTo({ url: '/packages/shop/info' })}
            />
          ) : (
            <Cell
              title="我的门店"
              extra={myShop.data.shop.name}
              clickable
              className="me__cell me__shop"
              onClick={() => void Taro.navigateTo({ url: '/packages/shop/info' })}
            />
          )}
        </View>
      ) : null}
      <View className="me__menu">
        <CellGroup>
          {/* One array: CellGroup counts a `false` child, which would leave a divider under the last cell. */}
          {[
            ...MENU.map((item) => (
              // NutUI's Cell drops `id`: tests find a cell by its class.
              <Cell
                key={item.url}
                title={item.title}
                clickable
                align="center"
                className={`me__cell ${item.id}`}
                extra={<MenuExtra text={item.id === 'menu-coupons' && me.data ? `${me.data.couponCount} 张` : ''} />}
                onClick={() => void Taro.navigateTo({ url: item.url })}
              />
            )),
            // invite a friend
            <Cell
              key="invite"
              title="邀请有礼"
              clickable
              align="center"
              className="me__cell menu-invite"
              extra={<MenuExtra text="邀好友 得积分" />}
              onClick={() => void Taro.navigateTo({ url: '/packages/invite/index' })}
            />,
            // Convenience only: the server refuses manager actions to anyone else.
            ...(me.data?.role === 'manager'
              ? [
                  <Cell
                    key="manager"
                    title="管理后台"
                    extra="订单 · 商品 · 员工"
                    clickable
                    className="me__cell me__manager"
                    onClick={() => void Taro.navigateTo({ url: '/packages/manager/home' })}
                  />,
                ]
              : []),
            // Staff and managers reach the counter; the server checks the role.
            ...(me.data?.role === 'staff' || me.data?.role === 'manager'
              ? [
                  <Cell
                    key="counter"
                    title="门店工作台"
                    extra="扫码积分 · 核销"
                    clickable
                    className="me__cell me__counter"
                    onClick={() => void Taro.navigateTo({ url: '/packages/staff/counter' })}
                  />,
                ]
              : []),
          ]}
        </CellGroup>
      </View>
      {process.env.TARO_ENV === 'h5' && <DevAccount onSwitched={() => undefined} />}
      {me.data?.pendingCelebration && (
        <Celebration celebration={me.data.pendingCelebration} onDone={() => void me.reload()} />
      )}
    </View>
  );
}
