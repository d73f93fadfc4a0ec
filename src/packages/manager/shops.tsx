import { Image, Text, View } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import { call } from '../../api';
import type { ShopAdvisorCode } from '../../../cloudfunctions/core/contract';
import { useRemote } from '../../hooks/useRemote';
import { ListSkeleton } from '../../components/Skeletons';
import { EmptyState } from '../../components/EmptyState';
import './manager.scss';
import { withRole } from '../../components/RoleGate';

function AdvisorRow({ a }: { a: ShopAdvisorCode }) {
  return (
    <View className="m-shop__advisor">
      {a.qrImage ? <Image className="m-shop__advisor-qr" src={a.qrImage} mode="aspectFit" /> : null}
      <View className="m-item__who">
        <Text className="m-item__title">{`${a.name}${a.role === 'manager' ? '（店长）' : ''}`}</Text>
        <Text className="m-item__text">{`导购码 ${a.code}`}</Text>
      </View>
    </View>
  );
}

/** 门店与导购码: each shop's poster code (s=CODE) to print for the counter, and each advisor's code (a=CODE). */
function ManagerShopsPage() {
  const codes = useRemote(() => call('manager.shopCodes', {}), []);
  if (codes.loading && !codes.data) return <ListSkeleton rows={3} />;
  if (!codes.data)
    return <EmptyState status="network" title="加载失败" actionText="重新加载" onAction={() => void codes.reload()} />;
  const { items, unassigned } = codes.data;
  if (items.length === 0)
    return <EmptyState title="还没有门店" description="门店在配置中添加（见 README：门店与导购）" id="m-shops-empty" />;

  return (
    <View className="page m-page" id="page-manager-shops">
      <View className="m-page__list">
        {items.map((s) => (
          <View className="m-item card m-shop" key={s.shopId} id={`m-shop-${s.code}`}>
            <View className="m-item__head">
              <Text className="m-item__title">{s.name}</Text>
              {s.active ? <Tag type="success">营业中</Tag> : <Tag>已停用</Tag>}
            </View>
            <Text className="m-item__text">{s.address}</Text>
            <Text className="m-item__text">{`门店码 ${s.code} · 新客礼券：${s.welcomeGiftTitle ?? '未设置'}`}</Text>
            {s.qrImage ? (
              <Image className="m-shop__poster" src={s.qrImage} mode="aspectFit" />
            ) : (
              <Text className="m-item__text">二维码生成失败</Text>
            )}
            <Text className="m-section">{`导购（${s.advisors.length}）`}</Text>
            {s.advisors.length === 0 ? (
              <Text className="m-item__text">暂无导购</Text>
            ) : (
              s.advisors.map((a) => <AdvisorRow key={a.openid} a={a} />)
            )}
          </View>
        ))}
        {unassigned.length > 0 ? (
          <View className="m-item card m-shop" id="m-shop-unassigned">
            <Text className="m-item__title">未分配门店</Text>
            <Text className="m-item__text">这些员工的导购码暂不可用，分配门店后生效</Text>
            {unassigned.map((a) => (
              <AdvisorRow key={a.openid} a={a} />
            ))}
          </View>
        ) : null}
      </View>
    </View>
  );
}

export default withRole('manager', ManagerShopsPage);
