import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Cell, CellGroup } from '@nutui/nutui-react-taro';
import './manager.scss';
import { withRole } from '../../components/RoleGate';

/** The manager's tools, one cell each. Convenience only: every action checks the role on the server. */
const TOOLS: Array<{ title: string; desc: string; url: string; id: string }> = [
  { title: '数据看板', desc: '分层 · 复购 · 提醒', url: '/packages/manager/dashboard', id: 'm-home-dashboard' },
  { title: '消息记录', desc: '复购提醒的发送与转化', url: '/packages/manager/messages', id: 'm-home-messages' },
  { title: '门店工作台', desc: '扫码积分 · 核销', url: '/packages/staff/counter', id: 'm-home-counter' },
  { title: '订单管理', desc: '发货 · 自提', url: '/packages/manager/orders', id: 'm-home-orders' },
  { title: '售后审核', desc: '退款', url: '/packages/manager/refunds', id: 'm-home-refunds' },
  { title: '商品库存', desc: '价格 · 库存 · 上下架', url: '/packages/manager/products', id: 'm-home-products' },
  { title: '优惠券', desc: '新建 · 停发', url: '/packages/manager/coupons', id: 'm-home-coupons' },
  { title: '拼团活动', desc: '新建 · 停止', url: '/packages/manager/campaigns', id: 'm-home-campaigns' },
  { title: '员工', desc: '邀请 · 撤销', url: '/packages/manager/staff', id: 'm-home-staff' },
  { title: '门店与导购码', desc: '门店海报码 · 导购码', url: '/packages/manager/shops', id: 'm-home-shops' },
  { title: '导购管理', desc: '顾客归属 · 发券额度', url: '/packages/manager/advisors', id: 'm-home-advisors' },
  { title: '操作日志', desc: '员工与店长的每次操作', url: '/packages/manager/audit', id: 'm-home-audit' },
];

function ManagerHomePage() {
  return (
    <View className="page m-page" id="page-manager-home">
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
