import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { call } from '../../api';
import { useSubmit } from '../../hooks/useSubmit';
import { StaffNameForm } from '../../components/StaffNameForm';
import { useRemote } from '../../hooks/useRemote';
import { PageSkeleton } from '../../components/Skeletons';
import { EmptyState } from '../../components/EmptyState';
import './staff.scss';
import { withRole } from '../../components/RoleGate';

/** 我的导购码: the advisor's personal code; a customer who scans it becomes their customer and gets the welcome gift. */
function StaffMyCodePage() {
  const mine = useRemote(() => call('shop.myAdvisorCode', {}), []);
  const [naming, setNaming] = useState(false);
  const { busy, submit } = useSubmit();
  const rename = async (name: string | null) => {
    const done = await submit('my-name', (idempotencyKey) => call('staff.setMyName', { name }, { idempotencyKey }));
    if (!done) return;
    setNaming(false);
    void Taro.showToast({ title: '已保存', icon: 'success' });
    void mine.reload();
  };
  if (mine.loading && !mine.data) return <PageSkeleton />;
  if (!mine.data) {
    return (
      <EmptyState
        status="error"
        title="仅限门店员工使用"
        actionText="返回我的"
        onAction={() => void Taro.switchTab({ url: '/pages/me/index' })}
        id="my-code-error"
      />
    );
  }
  const c = mine.data;
  return (
    <View className="page advisor-code" id="page-staff-my-code">
      <View className="advisor-code__card card">
        <Text className="advisor-code__name" id="my-code-name">
          {c.name}
        </Text>
        <Text className="advisor-code__rename" id="my-code-rename" onClick={() => setNaming(true)}>
          修改显示名称
        </Text>
        <Text className="advisor-code__shop">
          {c.shop ? c.shop.name : '尚未分配门店：顾客扫码将无法绑定，请联系店长'}
        </Text>
        {c.qrImage ? (
          <Image className="advisor-code__qr" src={c.qrImage} mode="aspectFit" id="my-code-qr" />
        ) : (
          <Text className="advisor-code__shop">二维码生成失败，请稍后再试</Text>
        )}
        <Text className="advisor-code__code" id="my-code-text">
          {c.code}
        </Text>
        <Text className="advisor-code__hint">顾客微信扫码即成为你的专属顾客，并领取到店礼</Text>
      </View>
      <StaffNameForm
        key={naming ? 'open' : 'closed'}
        staff={naming ? { customName: null, nickname: null } : undefined}
        busy={busy === 'my-name'}
        onClose={() => setNaming(false)}
        onSubmit={(name) => void rename(name)}
      />
    </View>
  );
}

export default withRole('staff', StaffMyCodePage);
