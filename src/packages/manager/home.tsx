import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Cell, CellGroup, Skeleton } from '@nutui/nutui-react-taro';
import { call } from '../../api';
import { useRemote } from '../../hooks/useRemote';
import { formatFen } from '../../utils/money';
import './manager.scss';
import { withRole } from '../../components/RoleGate';

/** The manager's tools, one cell each. Convenience only: every action checks the role on the server. */
const TOOLS: Array<{ title: string; desc: string; url: string; id: string }> = [
  { title: '数据看板', desc: '分层 · 复购 · 提醒', url: '/packages/manager/dashboard', id: 'm-home-dashboard' },
  { title: '消息记录', desc: '复购提醒的发送与转化', url: '/packages/manager/messages', id: 'm-home-messages' },
  { title: '门店工作台', desc: '扫码积分 · 核销', url: '/packages/staff/counter', id: 'm-home-counter' },
  { title: '订单管理', desc: '发货 · 自提', url: '/packages/manager/orders', id: 'm-home-orders' },
  { title: '售后审核', desc: '退款', url: '/packages/manager/refunds', id: 'm-home-refunds' },
  { title: '批量发货', desc: '导入 CSV · 逐行结果', url: '/packages/manager/shipments', id: 'm-home-shipments' },
  {
    title: '数据导出',
    desc: '订单 · 退款 · 支付 · 会员 · 积分',
    url: '/packages/manager/exports',
    id: 'm-home-exports',
  },
  { title: '商品库存', desc: '新建 · 编辑 · 规格 · 上下架', url: '/packages/manager/products', id: 'm-home-products' },
  { title: '商品分类', desc: '新建 · 排序 · 隐藏', url: '/packages/manager/categories', id: 'm-home-categories' },
  { title: '运费模板', desc: '按地区 · 件数/重量 · 不配送', url: '/packages/manager/freight', id: 'm-home-freight' },
  { title: '首页装修', desc: '横幅 · 推荐版块', url: '/packages/manager/home-page', id: 'm-home-home-page' },
  { title: '门店管理', desc: '门店信息 · 营业状态 · 门店码', url: '/packages/manager/shops', id: 'm-home-shops' },
  { title: '优惠券', desc: '新建 · 停发', url: '/packages/manager/coupons', id: 'm-home-coupons' },
  { title: '拼团活动', desc: '新建 · 停止', url: '/packages/manager/campaigns', id: 'm-home-campaigns' },
  { title: '员工', desc: '邀请 · 撤销', url: '/packages/manager/staff', id: 'm-home-staff' },
  { title: '导购管理', desc: '顾客归属 · 发券额度', url: '/packages/manager/advisors', id: 'm-home-advisors' },
  {
    title: '店铺设置',
    desc: '积分 · 订单规则 · 消息模板 · 客服',
    url: '/packages/manager/settings',
    id: 'm-home-settings',
  },
  { title: '操作日志', desc: '员工与店长的每次操作', url: '/packages/manager/audit', id: 'm-home-audit' },
];

/** Today's figures (the server's, for the Shanghai business day); each queue opens its list. */
function Summary() {
  const summary = useRemote(() => call('manager.summary', {}), []);
  const s = summary.data;
  if (!s) {
    return (
      <View className="m-summary card" id="m-summary">
        {summary.error ? (
          <Text className="m-summary__retry" onClick={() => void summary.reload()}>
            今日数据加载失败，点此重试
          </Text>
        ) : (
          <Skeleton rows={3} animated />
        )}
      </View>
    );
  }
  return (
    <View className="m-summary card" id="m-summary">
      <Text className="m-summary__day">{`今日 ${s.day}`}</Text>
      <View className="m-summary__row">
        <Figure id="m-summary-sales" value={`¥${formatFen(s.salesFen)}`} label="今日销售额" />
        <Figure id="m-summary-orders" value={String(s.orderCount)} label="订单数" />
        <Figure id="m-summary-average" value={`¥${formatFen(s.averageFen)}`} label="客单价" />
      </View>
      <View className="m-summary__row">
        <Figure
          id="m-summary-to-ship"
          value={String(s.toShip)}
          label="待发货 ›"
          onOpen={() => void Taro.navigateTo({ url: '/packages/manager/orders?status=paid' })}
        />
        <Figure
          id="m-summary-refunds"
          value={String(s.refundsToReview)}
          label="待审核 ›"
          onOpen={() => void Taro.navigateTo({ url: '/packages/manager/refunds' })}
        />
        <Figure
          id="m-summary-to-pick-up"
          value={String(s.toPickUp)}
          label="待自提 ›"
          onOpen={() => void Taro.navigateTo({ url: '/packages/manager/orders?status=ready_for_pickup' })}
        />
      </View>
    </View>
  );
}

/** One figure of the summary; a queue's figure opens its list. */
function Figure(props: { id: string; value: string; label: string; onOpen?: () => void }) {
  return (
    <View
      className={`m-summary__cell${props.onOpen ? ' m-summary__cell--link' : ''}`}
      id={props.id}
      onClick={props.onOpen}
    >
      <Text className="m-summary__value">{props.value}</Text>
      <Text className="m-summary__label">{props.label}</Text>
    </View>
  );
}

function ManagerHomePage() {
  return (
    <View className="page m-page" id="page-manager-home">
      <View className="m-page__top">
        <Summary />
      </View>
      <View className="m-page__list">
        <CellGroup>
          {TOOLS.map((t) => (
            <Cell
              key={t.url}
              title={t.title}
              extra={t.desc}
              clickable
              className={`m-home__cell ${t.id}`}
              onClick={() => void Taro.navigateTo({ url: t.url })}
            />
          ))}
        </CellGroup>
      </View>
    </View>
  );
}

export default withRole('manager', ManagerHomePage);
