import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { Button } from '@nutui/nutui-react-taro';
import { call } from '../../api';
import { useRemote } from '../../hooks/useRemote';
import { ListSkeleton, PageSkeleton } from '../../components/Skeletons';
import { EmptyState } from '../../components/EmptyState';
import { SplitView } from '../../components/SplitView';
import { withRole } from '../../components/RoleGate';
import { FreightEditor } from './components/freight/FreightEditor';
import './manager.scss';
import './freight.scss';
import '../../styles/form-row.scss';

/** The editor of one template (or a new one), loaded by id; remounted per template. */
function EditorPane(p: { templateId: string | null; onSaved: (id: string) => void; onDeleted: () => void }) {
  const got = useRemote(
    () => call('manager.getFreightTemplate', p.templateId ? { templateId: p.templateId } : {}),
    [p.templateId],
  );
  if (got.loading && !got.data) return <PageSkeleton />;
  if (!got.data)
    return <EmptyState status="network" title="加载失败" actionText="重新加载" onAction={() => void got.reload()} />;
  return (
    <FreightEditor
      template={got.data.template}
      provinces={got.data.provinces}
      onSaved={p.onSaved}
      onDeleted={p.onDeleted}
    />
  );
}

/** 运费模板: the templates beside the editor of the one chosen (a new one from 新建). */
function ManagerFreightPage() {
  const list = useRemote(() => call('manager.listFreightTemplates', {}), []);
  // undefined: nothing open; null: a new template.
  const [open, setOpen] = useState<string | null>();
  const templates = list.data?.templates ?? [];
  const listPane = (
    <View className="m-page__list" id="m-freight-list">
      <View className="m-page__top">
        <Button block type="primary" id="m-freight-new" onClick={() => setOpen(null)}>
          新建运费模板
        </Button>
      </View>
      {list.loading && !list.data ? (
        <ListSkeleton rows={3} />
      ) : templates.length === 0 ? (
        list.error ? (
          <EmptyState status="network" title="加载失败" actionText="重新加载" onAction={() => void list.reload()} />
        ) : (
          <EmptyState title="还没有运费模板" description="未设置模板的商品按全店统一运费" id="m-freight-empty" />
        )
      ) : (
        templates.map((t) => (
          <View
            key={t.id}
            className={`m-item card${open === t.id ? ' m-freight__item--on' : ''}`}
            id={`m-freight-item-${t.id}`}
            onClick={() => setOpen(t.id)}
          >
            <Text className="m-item__title">{t.name}</Text>
            <Text className="m-item__text">{t.summary}</Text>
          </View>
        ))
      )}
    </View>
  );
  const done = (id: string | undefined) => {
    setOpen(id);
    void list.reload();
  };
  return (
    <View className="page m-page" id="page-manager-freight">
      <SplitView
        list={listPane}
        placeholder="选择一个运费模板，或新建一个"
        onBack={() => setOpen(undefined)}
        detail={
          open === undefined ? undefined : (
            <EditorPane key={open ?? 'new'} templateId={open} onSaved={done} onDeleted={() => done(undefined)} />
          )
        }
      />
    </View>
  );
}

export default withRole('manager', ManagerFreightPage);
