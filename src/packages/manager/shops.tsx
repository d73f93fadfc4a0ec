import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { Button, Switch, Tag } from '@nutui/nutui-react-taro';
import { call } from '../../api';
import type { ActionInput, ManagerShop, ShopCodes } from '../../../cloudfunctions/core/contract';
import { useRemote } from '../../hooks/useRemote';
import { useSubmit } from '../../hooks/useSubmit';
import { ListSkeleton } from '../../components/Skeletons';
import { EmptyState } from '../../components/EmptyState';
import { SplitView } from '../../components/SplitView';
import { withRole } from '../../components/RoleGate';
import { PrivacyPopup } from '../../components/PrivacyPopup';
import { ShopEditor } from './components/ShopEditor';
import { AdvisorRow, ShopCodeCard } from './components/ShopCodeCard';
import './manager.scss';
import './home-page.scss';

function ShopRow({
  s,
  codes,
  on,
  onOpen,
}: {
  s: ManagerShop;
  codes?: ShopCodes['items'][number];
  on: boolean;
  onOpen: () => void;
}) {
  const advisors = codes?.advisors.map((a) => `${a.name}（导购码${a.code}）`).join('、');
  return (
    <View className={`m-item card m-row${on ? ' m-row--on' : ''}`} id={`m-shop-${s.code}`} onClick={onOpen}>
      <View className="m-item__head">
        <Text className="m-item__title">{s.name}</Text>
        {s.open ? <Tag type="success">营业中</Tag> : <Tag>暂停营业</Tag>}
      </View>
      <Text className="m-item__text">{s.address || '未填写地址'}</Text>
      <Text className="m-item__text">{`门店码${s.code} · ${s.hours || '未填写营业时间'}`}</Text>
      {advisors ? <Text className="m-item__text">{`导购：${advisors}`}</Text> : null}
    </View>
  );
}

/** 门店管理: the shops beside the selected one's editor, its open switch and its poster and advisor codes. */
function ManagerShopsPage() {
  const shops = useRemote(() => call('manager.listShops', {}), []);
  const codes = useRemote(() => call('manager.shopCodes', {}), []);
  const [selected, setSelected] = useState<string>();
  const { busy, submit } = useSubmit();
  const reload = () => Promise.all([shops.reload(), codes.reload()]);
  const save = (input: ActionInput<'manager.saveShop'>) =>
    void submit('save', (k) => call('manager.saveShop', input, { idempotencyKey: k })).then(async (s) => {
      if (!s) return;
      void Taro.showToast({ title: '已保存', icon: 'success' });
      await reload();
      setSelected(s.shopId);
    });
  const setOpen = (s: ManagerShop, open: boolean) =>
    void submit(`open:${s.shopId}`, (k) =>
      call('manager.setShopOpen', { shopId: s.shopId, open }, { idempotencyKey: k }),
    ).then(async (r) => {
      if (!r) return;
      void Taro.showToast({ title: open ? '已恢复营业' : '已暂停营业', icon: 'success' });
      await reload();
    });

  const items = shops.data?.items;
  const current = items?.find((s) => s.shopId === selected) ?? null;
  const codeOf = (shopId: string) => codes.data?.items.find((c) => c.shopId === shopId);
  const list = !items ? (
    shops.loading ? (
      <ListSkeleton rows={3} />
    ) : (
      <EmptyState status="network" title="加载失败" actionText="重新加载" onAction={() => void reload()} />
    )
  ) : (
    <View className="m-page__list" id="shop-list">
      <Button type="primary" block id="shop-new" onClick={() => setSelected('new')}>
        新建门店
      </Button>
      {items.length === 0 ? (
        <EmptyState title="还没有门店" description="新建门店后，顾客可到店自提" id="m-shops-empty" />
      ) : null}
      {items.map((s) => (
        <ShopRow
          key={s.shopId}
          s={s}
          codes={codeOf(s.shopId)}
          on={s.shopId === selected}
          onOpen={() => setSelected(s.shopId)}
        />
      ))}
      {codes.data && codes.data.unassigned.length > 0 ? (
        <View className="m-item card m-shop" id="m-shop-unassigned">
          <Text className="m-item__title">未分配门店</Text>
          <Text className="m-item__text">这些员工的导购码暂不可用，分配门店后生效</Text>
          {codes.data.unassigned.map((a) => (
            <AdvisorRow key={a.openid} a={a} />
          ))}
        </View>
      ) : null}
    </View>
  );
  const poster = current ? codeOf(current.shopId) : undefined;
  const detail = selected ? (
    <View id="shop-detail">
      {current ? (
        <View className="m-editor m-item m-item--row" id="shop-open">
          <Text className="m-item__title">{current.open ? '营业中' : '暂停营业：不再提供自提，门店码提示已暂停'}</Text>
          <Switch checked={current.open} disabled={busy !== undefined} onChange={(v) => setOpen(current, v)} />
        </View>
      ) : null}
      <ShopEditor key={selected} shop={current} busy={busy === 'save'} onSave={save} />
      {poster ? <ShopCodeCard s={poster} /> : null}
    </View>
  ) : undefined;
  return (
    <View className="page m-page" id="page-manager-shops">
      <SplitView
        id="shop-split"
        list={list}
        detail={detail}
        placeholder="选择一家门店编辑，或新建门店"
        onBack={() => setSelected(undefined)}
      />
      {/* The editor's map picker (chooseLocation) waits for the privacy consent on weapp. */}
      <PrivacyPopup />
    </View>
  );
}

export default withRole('manager', ManagerShopsPage);
