import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { Button } from '@nutui/nutui-react-taro';
import { call } from '../../api';
import { useSubmit } from '../../hooks/useSubmit';
import { EmptyState } from '../../components/EmptyState';
import './staff.scss';

/** The invite token from the link (`?token=`) or from a mini-program code's scene (`s=<token>`). */
function inviteToken(params: Record<string, string | undefined>): string | null {
  if (params.token) return params.token;
  const scene = params.scene ? decodeURIComponent(params.scene) : '';
  return scene.startsWith('s=') ? scene.slice(2) : null;
}

/** 加入门店: a member opening the manager's one-time invite accepts it and becomes staff. */
export default function BindPage() {
  const token = inviteToken(useRouter().params);
  const { busy, submit } = useSubmit();
  const [role, setRole] = useState<'staff' | 'manager'>();

  if (!token) return <EmptyState status="error" title="邀请链接不完整" description="请向店长索取新的邀请" />;
  const accept = async () => {
    const done = await submit('bind', (idempotencyKey) =>
      call('staff.bind', { inviteToken: token }, { idempotencyKey }),
    );
    if (done) setRole(done.role);
  };
  return (
    <View className="page staff-bind" id="page-staff-bind">
      <View className="staff-bind__card card">
        <Text className="staff-bind__title">{role ? '已加入门店' : '门店员工邀请'}</Text>
        <Text className="staff-bind__text" id="staff-bind-text">
          {role
            ? `你现在是本店${role === 'manager' ? '店长' : '店员'}，可在「我的」进入门店工作台。`
            : '店长邀请你成为门店员工：可为顾客积分、核销优惠券和提货码。邀请 24 小时内有效，仅可使用一次。'}
        </Text>
        {role ? (
          <Button
            block
            type="primary"
            id="staff-bind-go"
            onClick={() => void Taro.redirectTo({ url: '/packages/staff/counter' })}
          >
            进入门店工作台
          </Button>
        ) : (
          <Button
            block
            type="primary"
            id="staff-bind-accept"
            loading={busy === 'bind'}
            disabled={!!busy}
            onClick={() => void accept()}
          >
            接受邀请
          </Button>
        )}
      </View>
    </View>
  );
}
