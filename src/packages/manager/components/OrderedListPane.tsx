import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Fragment, useState, type ReactNode } from 'react';
import { Button, Tag } from '@nutui/nutui-react-taro';
import { mediaUrl } from '../../../api';
import { useRemote } from '../../../hooks/useRemote';
import { useSubmit } from '../../../hooks/useSubmit';
import { ListSkeleton } from '../../../components/Skeletons';
import { EmptyState } from '../../../components/EmptyState';
import { SplitView } from '../../../components/SplitView';

export type MoveDirection = 'up' | 'down' | 'first';

/** What one row of the list shows: an optional picture, the state tag, and lines of text under the title. */
export interface RowView {
  title: string;
  thumb?: string;
  tag: { text: string; type: 'success' | 'primary' | 'default' };
  lines: string[];
}

/** What the editor of the selected item (or of a new one, `item` null) is given. */
export interface EditorProps<T, S> {
  item: T | null;
  busy: boolean;
  onSave: (input: S) => void;
  onDelete?: () => void;
}

interface Props<T, S> {
  /** Prefixes the element ids: `<id>-list`, `<id>-new`, `<id>-<itemId>`, `<id>-first-<itemId>`, `<id>-split`. */
  id: string;
  /** What an item is called in the page's text: 横幅, 版块. */
  noun: string;
  emptyDescription: string;
  load: () => Promise<{ items: T[] }>;
  idOf: (item: T) => string;
  row: (item: T) => RowView;
  /** The server actions, each called with its own idempotency key. */
  save: (input: S, key: string) => Promise<T>;
  remove: (itemId: string, key: string) => Promise<unknown>;
  move: (itemId: string, direction: MoveDirection, key: string) => Promise<unknown>;
  editor: (props: EditorProps<T, S>) => ReactNode;
}

/**
 * A list the manager keeps in the order customers see it (首页装修's banners and sections): each row
 * moved to the top or one step, beside the selected item's editor (or a new one's).
 */
export function OrderedListPane<T, S>(p: Props<T, S>) {
  const list = useRemote(p.load, []);
  const [selected, setSelected] = useState<string>();
  const { busy, submit } = useSubmit();
  const run = async (slot: string, action: (key: string) => Promise<unknown>, done: string) => {
    if ((await submit(slot, action)) === undefined) return false;
    void Taro.showToast({ title: done, icon: 'success' });
    await list.reload();
    return true;
  };
  const save = (input: S) =>
    void submit('save', (k) => p.save(input, k)).then(async (saved) => {
      if (!saved) return;
      void Taro.showToast({ title: '已保存', icon: 'success' });
      await list.reload();
      setSelected(p.idOf(saved));
    });
  const remove = async (item: T) => {
    const title = `删除${p.noun}`;
    const ok = await Taro.showModal({ title, content: `删除「${p.row(item).title}」？`, confirmColor: '#3F6B57' });
    if (ok.confirm && (await run('delete', (k) => p.remove(p.idOf(item), k), '已删除'))) setSelected(undefined);
  };
  const move = (itemId: string, direction: MoveDirection) =>
    void run(`move:${itemId}`, (k) => p.move(itemId, direction, k), '已调整');

  const items = list.data?.items;
  const current = items?.find((x) => p.idOf(x) === selected) ?? null;
  const listView = !items ? (
    list.loading ? (
      <ListSkeleton rows={3} />
    ) : (
      <EmptyState status="network" title="加载失败" actionText="重新加载" onAction={() => void list.reload()} />
    )
  ) : (
    <View className="m-page__list" id={`${p.id}-list`}>
      <Button type="primary" block id={`${p.id}-new`} onClick={() => setSelected('new')}>
        {`新建${p.noun}`}
      </Button>
      {items.length === 0 ? <EmptyState title={`还没有${p.noun}`} description={p.emptyDescription} /> : null}
      {items.map((item, i) => {
        const itemId = p.idOf(item);
        const r = p.row(item);
        return (
          <View
            key={itemId}
            className={`m-item card m-row${itemId === selected ? ' m-row--on' : ''}`}
            id={`${p.id}-${itemId}`}
          >
            <View className="m-row__main" onClick={() => setSelected(itemId)}>
              {r.thumb ? <Image className="m-row__thumb" src={mediaUrl(r.thumb)} mode="aspectFill" /> : null}
              <View className="m-item__who">
                <View className="m-item__head">
                  <Text className="m-item__title">{`${i + 1}. ${r.title}`}</Text>
                  <Tag type={r.tag.type}>{r.tag.text}</Tag>
                </View>
                {r.lines.map((line, n) => (
                  <Text key={n} className="m-item__text">
                    {line}
                  </Text>
                ))}
              </View>
            </View>
            <View className="m-row__moves">
              <Text id={`${p.id}-first-${itemId}`} onClick={() => move(itemId, 'first')}>
                置顶
              </Text>
              <Text onClick={() => move(itemId, 'up')}>上移</Text>
              <Text onClick={() => move(itemId, 'down')}>下移</Text>
            </View>
          </View>
        );
      })}
    </View>
  );
  return (
    <SplitView
      id={`${p.id}-split`}
      list={listView}
      placeholder={`选择一个${p.noun}编辑，或新建${p.noun}`}
      onBack={() => setSelected(undefined)}
      detail={
        selected ? (
          // Keyed by the selection: another item (or 新建) starts its editor afresh.
          <Fragment key={selected}>
            {p.editor({
              item: current,
              busy: busy !== undefined,
              onSave: save,
              onDelete: current ? () => void remove(current) : undefined,
            })}
          </Fragment>
        ) : undefined
      }
    />
  );
}
