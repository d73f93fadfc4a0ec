import type { ActionInput, ManagerHomeSection } from '../../../../cloudfunctions/core/contract';
import { call } from '../../../api';
import { HomeSectionEditor } from './HomeSectionEditor';
import { OrderedListPane } from './OrderedListPane';

function contentText(s: ManagerHomeSection): string {
  return s.kind === 'newest'
    ? `「${s.categoryName}」最新 ${s.newestCount} 件`
    : s.products.map((p) => p.title).join('、');
}

/** 版块: the featured sections in the home page's order beside the selected one's editor. */
export function HomeSectionPane() {
  return (
    <OrderedListPane<ManagerHomeSection, ActionInput<'manager.saveHomeSection'>>
      id="section"
      noun="版块"
      emptyDescription="把商品编成版块，展示在首页"
      load={() => call('manager.listHomeSections', {})}
      idOf={(s) => s.sectionId}
      row={(s) => ({
        title: s.title,
        tag: s.active ? { text: '展示中', type: 'success' } : { text: '已关闭', type: 'default' },
        lines: [contentText(s)],
      })}
      save={(input, k) => call('manager.saveHomeSection', input, { idempotencyKey: k })}
      remove={(sectionId, k) => call('manager.deleteHomeSection', { sectionId }, { idempotencyKey: k })}
      move={(sectionId, direction, k) =>
        call('manager.moveHomeSection', { sectionId, direction }, { idempotencyKey: k })
      }
      editor={(e) => <HomeSectionEditor section={e.item} busy={e.busy} onSave={e.onSave} onDelete={e.onDelete} />}
    />
  );
}
