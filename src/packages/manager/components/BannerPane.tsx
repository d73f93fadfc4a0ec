import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { Button, Tag } from '@nutui/nutui-react-taro';
import type { ActionInput, BannerState, ManagerBanner } from '../../../../cloudfunctions/core/contract';
import { call, mediaUrl } from '../../../api';
import { useRemote } from '../../../hooks/useRemote';
import { useSubmit } from '../../../hooks/useSubmit';
import { ListSkeleton } from '../../../components/Skeletons';
import { EmptyState } from '../../../components/EmptyState';
import { SplitView } from '../../../components/SplitView';
import { shanghaiTime } from '../../../utils/shanghai-time';
import { BannerEditor } from './BannerEditor';

const STATE_TEXT: Record<BannerState, [string, 'success' | 'primary' | 'default']> = {
  live: ['展示中', 'success'],
  scheduled: ['待开始', 'primary'],
  ended: ['已结束', 'default'],
  inactive: ['已关闭', 'default'],
};

function schedule(b: ManagerBanner): string {
  if (!b.startsAt && !b.endsAt) return '长期展示';
  return `${b.startsAt ? shanghaiTime(b.startsAt) : '即日'} 至 ${b.endsAt ? shanghaiTime(b.endsAt) : '长期'}`;
}

/** 横幅: the banners in the home page's order (moved one step or to the top) beside the selected one's editor. */
export function BannerPane() {
  const list = useRemote(() => call('manager.listBanners', {}), []);
  const [selected, setSelected] = useState<string>();
  const { busy, submit } = useSubmit();
  const run = async (slot: string, action: (key: string) => Promise<unknown>, done: string) => {
    if ((await submit(slot, action)) === undefined) return false;
    void Taro.showToast({ title: done, icon: 'success' });
    await list.reload();
    return true;
  };
  const save = (input: ActionInput<'manager.saveBanner'>) =>
    void submit('save', (k) => call('manager.saveBanner', input, { idempotencyKey: k })).then(async (b) => {
      if (!b) return;
      void Taro.showToast({ title: '已保存', icon: 'success' });
      await list.reload();
      setSelected(b.bannerId);
    });
  const remove = async (b: ManagerBanner) => {
    const ok = await Taro.showModal({ title: '删除横幅', content: `删除「${b.title}」？`, confirmColor: '#3F6B57' });
    if (
      ok.confirm &&
      (await run(
        'delete',
        (k) => call('manager.deleteBanner', { bannerId: b.bannerId }, { idempotencyKey: k }),
        '已删除',
      ))
    )
      setSelected(undefined);
  };
  const move = (b: ManagerBanner, direction: 'up' | 'down' | 'first') =>
    void run(
      `move:${b.bannerId}`,
      (k) => call('manager.moveBanner', { bannerId: b.bannerId, direction }, { idempotencyKey: k }),
      '已调整',
    );

  const items = list.data?.items;
  const current = items?.find((b) => b.bannerId === selected) ?? null;
  const listView = !items ? (
    list.loading ? (
      <ListSkeleton rows={3} />
    ) : (
      <EmptyState status="network" title="加载失败" actionText="重新加载" onAction={() => void list.reload()} />
    )
  ) : (
    <View className="m-page__list" id="banner-list">
      <Button type="primary" block id="banner-new" onClick={() => setSelected('new')}>
        新建横幅
      </Button>
      {items.length === 0 ? <EmptyState title="还没有横幅" description="新建一个，首页轮播展示" /> : null}
      {items.map((b, i) => (
        <View
          key={b.bannerId}
          className={`m-item card m-row${b.bannerId === selected ? ' m-row--on' : ''}`}
          id={`banner-${b.bannerId}`}
        >
          <View className="m-row__main" onClick={() => setSelected(b.bannerId)}>
            <Image className="m-row__thumb" src={mediaUrl(b.image)} mode="aspectFill" />
            <View className="m-item__who">
              <View className="m-item__head">
                <Text className="m-item__title">{`${i + 1}. ${b.title}`}</Text>
                <Tag type={STATE_TEXT[b.state][1]}>{STATE_TEXT[b.state][0]}</Tag>
              </View>
              <Text className="m-item__text">{b.linkLabel}</Text>
              <Text className="m-item__text">{schedule(b)}</Text>
            </View>
          </View>
          <View className="m-row__moves">
            <Text id={`banner-first-${b.bannerId}`} onClick={() => move(b, 'first')}>
              置顶
            </Text>
            <Text onClick={() => move(b, 'up')}>上移</Text>
            <Text onClick={() => move(b, 'down')}>下移</Text>
          </View>
        </View>
      ))}
    </View>
  );
  return (
    <SplitView
      id="banner-split"
      list={listView}
      placeholder="选择一个横幅编辑，或新建横幅"
      onBack={() => setSelected(undefined)}
      detail={
        selected ? (
          <BannerEditor
            key={selected}
            banner={current}
            busy={busy !== undefined}
            onSave={save}
            onDelete={current ? () => void remove(current) : undefined}
          />
        ) : undefined
      }
    />
  );
}
