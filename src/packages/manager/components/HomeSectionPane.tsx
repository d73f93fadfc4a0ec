import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { Button, Tag } from '@nutui/nutui-react-taro';
import type { ActionInput, ManagerHomeSection } from '../../../../cloudfunctions/core/contract';
import { call } from '../../../api';
import { useRemote } from '../../../hooks/useRemote';
import { useSubmit } from '../../../hooks/useSubmit';
import { ListSkeleton } from '../../../components/Skeletons';
import { EmptyState } from '../../../components/EmptyState';
import { SplitView } from '../../../components/SplitView';
import { HomeSectionEditor } from './HomeSectionEditor';

function contentText(s: ManagerHomeSection): string {
  return s.kind === 'newest'
    ? `「${s.categoryName}」最新 ${s.newestCount} 件`
    : s.products.map((p) => p.title).join('、');
}

/** 版块: the featured sections in the home page's order beside the selected one's editor. */
export function HomeSectionPane() {
  const list = useRemote(() => call('manager.listHomeSections', {}), []);
  const [selected, setSelected] = useState<string>();
  const { busy, submit } = useSubmit();
  const run = async (slot: string, action: (key: string) => Promise<unknown>, done: string) => {
    if ((await submit(slot, action)) === undefined) return false;
    void Taro.showToast({ title: done, icon: 'success' });
    await list.reload();
    return true;
  };
  const save = (input: ActionInput<'manager.saveHomeSection'>) =>
    void submit('save', (k) => call('manager.saveHomeSection', input, { idempotencyKey: k })).then(async (s) => {
      if (!s) return;
      void Taro.showToast({ title: '已保存', icon: 'success' });
      await list.reload();
      setSelected(s.sectionId);
    });
  const remove = async (s: ManagerHomeSection) => {
    const ok = await Taro.showModal({ title: '删除版块', content: `删除「${s.title}」？`, confirmColor: '#3F6B57' });
    if (
      ok.confirm &&
      (await run(
        'delete',
        (k) => call('manager.deleteHomeSection', { sectionId: s.sectionId }, { idempotencyKey: k }),
        '已删除',
      ))
    )
      setSelected(undefined);
  };
  const move = (s: ManagerHomeSection, direction: 'up' | 'down' | 'first') =>
    void run(
      `move:${s.sectionId}`,
      (k) => call('manager.moveHomeSection', { sectionId: s.sectionId, direction }, { idempotencyKey: k }),
      '已调整',
    );

  const items = list.data?.items;
  const current = items?.find((s) => s.sectionId === selected) ?? null;
  const listView = !items ? (
    list.loading ? (
      <ListSkeleton rows={3} />
    ) : (
      <EmptyState status="network" title="加载失败" actionText="重新加载" onAction={() => void list.reload()} />
    )
  ) : (
    <View className="m-page__list" id="section-list">
      <Button type="primary" block id="section-new" onClick={() => setSelected('new')}>
        新建版块
      </Button>
      {items.length === 0 ? <EmptyState title="还没有版块" description="把商品编成版块，展示在首页" /> : null}
      {items.map((s, i) => (
        <View
          key={s.sectionId}
          className={`m-item card m-row${s.sectionId === selected ? ' m-row--on' : ''}`}
          id={`section-${s.sectionId}`}
        >
          <View className="m-item__who" onClick={() => setSelected(s.sectionId)}>
            <View className="m-item__head">
              <Text className="m-item__title">{`${i + 1}. ${s.title}`}</Text>
              {s.active ? <Tag type="success">展示中</Tag> : <Tag>已关闭</Tag>}
            </View>
            <Text className="m-item__text">{contentText(s)}</Text>
          </View>
          <View className="m-row__moves">
            <Text onClick={() => move(s, 'first')}>置顶</Text>
            <Text onClick={() => move(s, 'up')}>上移</Text>
            <Text onClick={() => move(s, 'down')}>下移</Text>
          </View>
        </View>
      ))}
    </View>
  );
  return (
    <SplitView
      id="section-split"
      list={listView}
      placeholder="选择一个版块编辑，或新建版块"
      onBack={() => setSelected(undefined)}
      detail={
        selected ? (
          <HomeSectionEditor
            key={selected}
            section={current}
            busy={busy !== undefined}
            onSave={save}
            onDelete={current ? () => void remove(current) : undefined}
          />
        ) : undefined
      }
    />
  );
}
