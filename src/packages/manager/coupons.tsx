import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { Button, Tag } from '@nutui/nutui-react-taro';
import { call } from '../../api';
import type { ManagerCouponTemplate } from '../../../cloudfunctions/core/contract';
import { useRemote } from '../../hooks/useRemote';
import { useSubmit } from '../../hooks/useSubmit';
import { ListSkeleton } from '../../components/Skeletons';
import { EmptyState } from '../../components/EmptyState';
import { TemplateForm } from './components/TemplateForm';
import './manager.scss';
import { withRole } from '../../components/RoleGate';

/** 优惠券管理: every template with its terms and what is left; create a new one, stop issuing one. */
function ManagerCouponsPage() {
  const list = useRemote(() => call('manager.listCouponTemplates', {}), []);
  const [creating, setCreating] = useState(false);
  const { busy, submit } = useSubmit();

  const stop = async (t: ManagerCouponTemplate) => {
    const ok = await Taro.showModal({
      title: '停发优惠券',
      content: `停发「${t.title}」后顾客不能再领取，已领的券仍可使用。`,
      confirmColor: '#3F6B57',
    });
    if (!ok.confirm) return;
    if (
      await submit(`stop:${t.templateId}`, (idempotencyKey) =>
        call('manager.stopCouponTemplate', { templateId: t.templateId }, { idempotencyKey }),
      )
    )
      void list.reload();
  };
  const create = async (draft: Parameters<typeof call<'manager.createCouponTemplate'>>[1]) => {
    if (await submit('create', (idempotencyKey) => call('manager.createCouponTemplate', draft, { idempotencyKey }))) {
      setCreating(false);
      void Taro.showToast({ title: '已创建', icon: 'success' });
      void list.reload();
    }
  };

  const items = list.data?.items ?? [];
  return (
    <View className="page m-page" id="page-manager-coupons">
      <View className="m-page__top">
        <Button block type="primary" id="m-tpl-new" onClick={() => setCreating(true)}>
          新建优惠券
        </Button>
      </View>
      {list.loading && !list.data ? (
        <ListSkeleton rows={4} />
      ) : items.length === 0 ? (
        list.error ? (
          <EmptyState status="network" title="加载失败" actionText="重新加载" onAction={() => void list.reload()} />
        ) : (
          <EmptyState title="还没有优惠券" />
        )
      ) : (
        <View className="m-page__list" id="m-template-list">
          {items.map((t) => (
            <View className="m-item card" key={t.templateId}>
              <View className="m-item__head">
                <Text className="m-item__title">{t.title}</Text>
                <Tag type={t.active ? 'success' : 'default'} round>
                  {t.active ? (t.claimable ? '发放中' : '系统发放') : '已停发'}
                </Tag>
              </View>
              <Text className="m-item__text">{`${t.description.text} · ${t.scopeText} · ${t.validityText}`}</Text>
              <View className="m-item__row">
                <Text className="m-item__text">{`剩余 ${t.remaining} / ${t.total} · 每人限 ${t.perMemberLimit} 张`}</Text>
                {t.active && (
                  <Button
                    size="mini"
                    fill="outline"
                    className="m-tpl-stop"
                    loading={busy === `stop:${t.templateId}`}
                    disabled={!!busy}
                    onClick={() => void stop(t)}
                  >
                    停发
                  </Button>
                )}
              </View>
            </View>
          ))}
        </View>
      )}
      <TemplateForm
        key={String(creating)}
        kinds={list.data?.kinds ?? []}
        visible={creating}
        busy={busy === 'create'}
        onClose={() => setCreating(false)}
        onCreate={(d) => void create(d)}
      />
    </View>
  );
}

export default withRole('manager', ManagerCouponsPage);
