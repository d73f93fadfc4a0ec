import type { ActionInput, BannerState, ManagerBanner } from '../../../../cloudfunctions/core/contract';
import { call } from '../../../api';
import { shanghaiTime } from '../../../utils/shanghai-time';
import { BannerEditor } from './BannerEditor';
import { OrderedListPane, type RowView } from './OrderedListPane';

const STATE_TAG: Record<BannerState, RowView['tag']> = {
  live: { text: '展示中', type: 'success' },
  scheduled: { text: '待开始', type: 'primary' },
  ended: { text: '已结束', type: 'default' },
  inactive: { text: '已关闭', type: 'default' },
};

function schedule(b: ManagerBanner): string {
  if (!b.startsAt && !b.endsAt) return '长期展示';
  return `${b.startsAt ? shanghaiTime(b.startsAt) : '即日'} 至 ${b.endsAt ? shanghaiTime(b.endsAt) : '长期'}`;
}

/** 横幅: the banners in the home page's order (moved one step or to the top) beside the selected one's editor. */
export function BannerPane() {
  return (
    <OrderedListPane<ManagerBanner, ActionInput<'manager.saveBanner'>>
      id="banner"
      noun="横幅"
      emptyDescription="新建一个，首页轮播展示"
      load={() => call('manager.listBanners', {})}
      idOf={(b) => b.bannerId}
      row={(b) => ({ title: b.title, thumb: b.image, tag: STATE_TAG[b.state], lines: [b.linkLabel, schedule(b)] })}
      save={(input, k) => call('manager.saveBanner', input, { idempotencyKey: k })}
      remove={(bannerId, k) => call('manager.deleteBanner', { bannerId }, { idempotencyKey: k })}
      move={(bannerId, direction, k) => call('manager.moveBanner', { bannerId, direction }, { idempotencyKey: k })}
      editor={(e) => <BannerEditor banner={e.item} busy={e.busy} onSave={e.onSave} onDelete={e.onDelete} />}
    />
  );
}
