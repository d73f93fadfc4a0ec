import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { call } from '../../api';
import { useRemote } from '../../hooks/useRemote';
import { ListSkeleton } from '../../components/Skeletons';
import { EmptyState } from '../../components/EmptyState';
import { Chart } from './components/Chart';
import './manager.scss';
import './dashboard.scss';
import { withRole } from '../../components/RoleGate';

function ManagerDashboardPage() {
  const board = useRemote(() => call('manager.dashboard', {}), []);
  const charts = board.data?.charts ?? [];
  const hasData = charts.some((c) => c.rows.some((r) => r.value > 0));
  return (
    <View className="page m-page dashboard" id="page-manager-dashboard">
      <View className="dashboard__top">
        <Text className="dashboard__heading">数据看板</Text>
        <Button
          size="small"
          fill="outline"
          id="dashboard-messages"
          onClick={() => void Taro.navigateTo({ url: '/packages/manager/messages' })}
        >
          消息记录
        </Button>
      </View>
      {board.loading && !board.data ? (
        <ListSkeleton rows={4} />
      ) : board.error && !board.data ? (
        <EmptyState status="network" title="加载失败" actionText="重新加载" onAction={() => void board.reload()} />
      ) : !hasData ? (
        <EmptyState id="dashboard-empty" title="暂无经营数据" description="有会员下单后，这里会出现分层与复购图表" />
      ) : (
        <View className="m-page__list" id="dashboard-charts">
          {charts.map((c) => (
            <Chart key={c.code} chart={c} />
          ))}
        </View>
      )}
    </View>
  );
}

export default withRole('manager', ManagerDashboardPage);
