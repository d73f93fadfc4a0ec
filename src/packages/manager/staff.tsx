import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { Button, Tag } from '@nutui/nutui-react-taro';
import { call } from '../../api';
import type { ActionOutput, StaffInviteView, StaffMemberView } from '../../../cloudfunctions/core/contract';
import { useRemote } from '../../hooks/useRemote';
import { useSubmit } from '../../hooks/useSubmit';
import { ListSkeleton } from '../../components/Skeletons';
import { EmptyState } from '../../components/EmptyState';
import { shanghaiTime as when } from '../../utils/shanghai-time';
import './manager.scss';

const ROLE_TEXT = { staff: '店员', manager: '店长' } as const;
const INVITE_TEXT: Record<StaffInviteView['status'], string> = { open: '待使用', used: '已使用', expired: '已过期', revoked: '已作废' };

/** 员工管理: invite staff (one-time link + mini-program code, 24 h), list them, revoke one. */
export default function ManagerStaffPage() {
  const list = useRemote(() => call('manager.listStaff', {}), []);
  const [invite, setInvite] = useState<ActionOutput<'manager.createStaffInvite'>>();
  const { busy, submit } = useSubmit();

  const create = async (role: 'staff' | 'manager') => {
    const made = await submit(`invite:${role}`, (idempotencyKey) => call('manager.createStaffInvite', { role }, { idempotencyKey }));
    if (made) {
      setInvite(made);
      void list.reload();
    }
  };
  const revoke = async (s: StaffMemberView) => {
    const ok = await Taro.showModal({ title: '撤销员工', content: `撤销「${s.nickname ?? s.openid}」的${ROLE_TEXT[s.role]}权限？`, confirmColor: '#3F6B57' });
    if (!ok.confirm) return;
    if (await submit(`revoke:${s.openid}`, (idempotencyKey) => call('manager.revokeStaff', { openid: s.openid }, { idempotencyKey }))) void list.reload();
  };

  return (
    <View className="page m-page" id="page-manager-staff">
      <View className="m-page__top m-staff__buttons">
        <Button type="primary" id="m-invite-staff" loading={busy === 'invite:staff'} disabled={!!busy} onClick={() => void create('staff')}>邀请店员</Button>
        <Button type="primary" fill="outline" id="m-invite-manager" loading={busy === 'invite:manager'} disabled={!!busy} onClick={() => void create('manager')}>邀请店长</Button>
      </View>
      {invite && (
        <View className="m-item card m-invite" id="m-invite">
          <Text className="m-item__title">请对方用微信扫码，或打开链接</Text>
          {invite.qrImage ? <Image className="m-invite__qr" src={invite.qrImage} mode="aspectFit" /> : null}
          <Text className="m-invite__link" id="m-invite-link" selectable>{invite.path}</Text>
          <Text className="m-item__text">{`${when(invite.expiresAt)} 前有效，仅可使用一次`}</Text>
          <Button size="small" fill="outline" onClick={() => void Taro.setClipboardData({ data: invite.path })}>复制链接</Button>
        </View>
      )}
      {list.loading && !list.data ? (
        <ListSkeleton rows={3} />
      ) : !list.data ? (
        <EmptyState status="network" title="加载失败" actionText="重新加载" onAction={() => void list.reload()} />
      ) : (
        <View className="m-page__list" id="m-staff-list">
          <Text className="m-section">员工</Text>
          {list.data.staff.map((s) => (
            <View className="m-item m-item--row card" key={s.openid}>
              <View className="m-item__who">
                <Text className="m-item__title">{s.nickname ?? s.openid}</Text>
                <Text className="m-item__text">{`${ROLE_TEXT[s.role]} · ${when(s.since)} 加入`}</Text>
              </View>
              {s.isMe ? <Tag round>我</Tag> : (
                <Button size="mini" fill="outline" className="m-staff-revoke" loading={busy === `revoke:${s.openid}`} disabled={!!busy} onClick={() => void revoke(s)}>撤销</Button>
              )}
            </View>
          ))}
          <Text className="m-section">最近的邀请</Text>
          {list.data.invites.length === 0 ? <EmptyState title="还没有邀请" /> : list.data.invites.map((i) => (
            <View className="m-item m-item--row card" key={i.inviteId}>
              <Text className="m-item__text">{`${ROLE_TEXT[i.role]}邀请 · ${when(i.createdAt)}`}</Text>
              <Tag type={i.status === 'open' ? 'success' : 'default'} round>{INVITE_TEXT[i.status]}</Tag>
            </View>
          ))}
        </View>
      )}
    </View>
  );
}
