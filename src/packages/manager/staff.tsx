import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { Button, Cell, Tag } from '@nutui/nutui-react-taro';
import { ArrowRight } from '@nutui/icons-react-taro';
import { call } from '../../api';
import type { ActionOutput, StaffInviteView, StaffMemberView } from '../../../cloudfunctions/core/contract';
import { useRemote } from '../../hooks/useRemote';
import { useSubmit } from '../../hooks/useSubmit';
import { ListSkeleton } from '../../components/Skeletons';
import { EmptyState } from '../../components/EmptyState';
import { PrivacyPopup } from '../../components/PrivacyPopup';
import { shanghaiTime as when } from '../../utils/shanghai-time';
import { shareLink } from '../../utils/share-link';
import { ShopSheet, type ShopOption } from './components/ShopSheet';
import './manager.scss';
import './staff.scss';
import { withRole } from '../../components/RoleGate';
import { StaffNameForm } from '../../components/StaffNameForm';

const ROLE_TEXT = { staff: '店员', manager: '店长' } as const;
const INVITE_TEXT: Record<StaffInviteView['status'], string> = {
  open: '待使用',
  used: '已使用',
  expired: '已过期',
  revoked: '已作废',
};

const NO_SHOP: ShopOption = { shopId: null, name: '不指定门店' };

/**
 * 员工管理: invite staff to a shop (one-time link + mini-program code, 24 h), list them with their
 * shop, place or move one (分配门店), revoke one. Staff without a shop cannot serve as advisors.
 */
function ManagerStaffPage() {
  const list = useRemote(() => call('manager.listStaff', {}), []);
  const [invite, setInvite] = useState<ActionOutput<'manager.createStaffInvite'>>();
  // undefined: the default, the first shop.
  const [inviteShop, setInviteShop] = useState<ShopOption>();
  const [sheet, setSheet] = useState<{ kind: 'invite' } | { kind: 'staff'; staff: StaffMemberView }>();
  const { busy, submit } = useSubmit();
  const shops: ShopOption[] = list.data?.shops ?? [];
  const invitingTo = inviteShop ?? shops[0] ?? NO_SHOP;

  const create = async (role: 'staff' | 'manager') => {
    const input = invitingTo.shopId ? { role, shopId: invitingTo.shopId } : { role };
    const made = await submit(`invite:${role}`, (idempotencyKey) =>
      call('manager.createStaffInvite', input, { idempotencyKey }),
    );
    if (made) {
      setInvite(made);
      void list.reload();
    }
  };
  const revoke = async (s: StaffMemberView) => {
    const ok = await Taro.showModal({
      title: '撤销员工',
      content: `撤销「${s.displayName}」的${ROLE_TEXT[s.role]}权限？`,
      confirmColor: '#3F6B57',
    });
    if (!ok.confirm) return;
    if (
      await submit(`revoke:${s.openid}`, (idempotencyKey) =>
        call('manager.revokeStaff', { openid: s.openid }, { idempotencyKey }),
      )
    )
      void list.reload();
  };
  const [naming, setNaming] = useState<StaffMemberView>();
  const rename = async (s: StaffMemberView, name: string | null) => {
    const done = await submit(`name:${s.openid}`, (idempotencyKey) =>
      call('manager.setStaffName', { openid: s.openid, name }, { idempotencyKey }),
    );
    if (!done) return;
    setNaming(undefined);
    void Taro.showToast({ title: '已保存', icon: 'success' });
    void list.reload();
  };
  const placeStaff = async (s: StaffMemberView, shop: ShopOption) => {
    const done = await submit(`shop:${s.openid}`, (idempotencyKey) =>
      call('manager.setStaffShop', { openid: s.openid, shopId: shop.shopId! }, { idempotencyKey }),
    );
    if (!done) return;
    const handedBack = done.handedBack > 0 ? `，${done.handedBack} 位顾客转回原门店池` : '';
    void Taro.showToast({ title: `已分配到 ${shop.name}${handedBack}`, icon: 'none', duration: 2500 });
    void list.reload();
  };

  return (
    <View className="page m-page" id="page-manager-staff">
      <PrivacyPopup />
      <Cell
        className="m-staff__invite-shop"
        id="m-invite-shop"
        title="邀请到门店"
        extra={
          <View className="m-staff__picked">
            <Text>{invitingTo.name}</Text>
            <ArrowRight size={12} color="#9A918A" />
          </View>
        }
        clickable
        onClick={() => setSheet({ kind: 'invite' })}
      />
      <View className="m-page__top m-staff__buttons">
        <Button
          type="primary"
          id="m-invite-staff"
          loading={busy === 'invite:staff'}
          disabled={!!busy}
          onClick={() => void create('staff')}
        >
          邀请店员
        </Button>
        <Button
          type="primary"
          fill="outline"
          id="m-invite-manager"
          loading={busy === 'invite:manager'}
          disabled={!!busy}
          onClick={() => void create('manager')}
        >
          邀请店长
        </Button>
      </View>
      {invite && (
        <View className="m-item card m-invite" id="m-invite">
          <Text className="m-item__title">请对方用微信扫码，或打开链接</Text>
          {invite.qrImage ? <Image className="m-invite__qr" src={invite.qrImage} mode="aspectFit" /> : null}
          <Text className="m-invite__link" id="m-invite-link" selectable>
            {shareLink(invite.path)}
          </Text>
          <Text className="m-item__text">{`${when(invite.expiresAt)} 前有效，仅可使用一次`}</Text>
          <Button
            size="small"
            fill="outline"
            onClick={() => void Taro.setClipboardData({ data: shareLink(invite.path) })}
          >
            复制链接
          </Button>
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
                <Text className="m-item__title">{s.displayName}</Text>
                <Text className="m-item__text">{`${ROLE_TEXT[s.role]} · ${when(s.since)} 加入`}</Text>
                {s.shopName ? (
                  <Text className="m-item__text m-staff__shop">{s.shopName}</Text>
                ) : (
                  <Tag type="warning" className="m-staff__no-shop">
                    未分配门店 · 导购码暂不可用
                  </Tag>
                )}
              </View>
              <View className="m-staff__actions">
                <Button
                  size="mini"
                  fill="outline"
                  className="m-staff-name"
                  disabled={!!busy}
                  onClick={() => setNaming(s)}
                >
                  改名
                </Button>
                <Button
                  size="mini"
                  type="primary"
                  fill="outline"
                  className="m-staff-shop"
                  loading={busy === `shop:${s.openid}`}
                  disabled={!!busy || shops.length === 0}
                  onClick={() => setSheet({ kind: 'staff', staff: s })}
                >
                  分配门店
                </Button>
                {s.isMe ? (
                  <Tag round>我</Tag>
                ) : (
                  <Button
                    size="mini"
                    fill="outline"
                    className="m-staff-revoke"
                    loading={busy === `revoke:${s.openid}`}
                    disabled={!!busy}
                    onClick={() => void revoke(s)}
                  >
                    撤销
                  </Button>
                )}
              </View>
            </View>
          ))}
          <Text className="m-section">最近的邀请</Text>
          {list.data.invites.length === 0 ? (
            <EmptyState title="还没有邀请" />
          ) : (
            list.data.invites.map((i) => (
              <View className="m-item m-item--row card m-staff__invite" key={i.inviteId}>
                <Text className="m-item__text">{`${ROLE_TEXT[i.role]}邀请 · ${i.shopName ?? '不指定门店'} · ${when(i.createdAt)}`}</Text>
                <Tag type={i.status === 'open' ? 'success' : 'default'} round>
                  {INVITE_TEXT[i.status]}
                </Tag>
              </View>
            ))
          )}
        </View>
      )}
      <ShopSheet
        visible={!!sheet}
        title={sheet?.kind === 'staff' ? `将「${sheet.staff.displayName}」分配到` : '邀请到门店'}
        shops={sheet?.kind === 'invite' ? [...shops, NO_SHOP] : shops}
        current={sheet?.kind === 'staff' ? sheet.staff.shopId : invitingTo.shopId}
        onClose={() => setSheet(undefined)}
        onSelect={(shop) => (sheet?.kind === 'staff' ? void placeStaff(sheet.staff, shop) : setInviteShop(shop))}
      />
      <StaffNameForm
        key={naming?.openid ?? 'none'}
        staff={naming}
        busy={!!naming && busy === `name:${naming.openid}`}
        onClose={() => setNaming(undefined)}
        onSubmit={(name) => naming && void rename(naming, name)}
      />
    </View>
  );
}

export default withRole('manager', ManagerStaffPage);
