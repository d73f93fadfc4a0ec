import { ScrollView, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { useReachBottom } from '@tarojs/taro';
import { call } from '../../api';
import type { ActionOutput, AuditEntry } from '../../../cloudfunctions/core/contract';
import { useCursorPages } from '../../hooks/useCursorPages';
import { EmptyState } from '../../components/EmptyState';
import { FeedBody } from '../../components/FeedBody';
import { formatFen } from '../../utils/money';
import { shanghaiTime as when } from '../../utils/shanghai-time';
import './manager.scss';
import { withRole } from '../../components/RoleGate';
import { settingsChanges } from './components/settings/audit-changes';
import { ACTION_TEXT } from './components/audit-labels';

type AuditPage = { items: AuditEntry[]; nextCursor: string | null } & Pick<
  ActionOutput<'manager.listAudit'>,
  'people' | 'actions'
>;

/** One row of filter chips; the chosen one is filled. */
function Chips(props: {
  id: string;
  all: string;
  options: Array<{ value: string; text: string }>;
  value: string;
  onChange: (v: string) => void;
}) {
  return (
    <ScrollView scrollX className="m-chips" id={props.id}>
      {[{ value: '', text: props.all }, ...props.options].map((o) => (
        <Text
          key={o.value || 'all'}
          className={`m-chips__chip${o.value === props.value ? ' m-chips__chip--on' : ''}`}
          onClick={() => props.onChange(o.value)}
        >
          {o.text}
        </Text>
      ))}
    </ScrollView>
  );
}

/** 操作日志: every staff and manager write, newest first, narrowed (on the server) by kind and person. */
function ManagerAuditPage() {
  const [action, setAction] = useState('');
  const [who, setWho] = useState('');
  const feed = useCursorPages<AuditEntry, AuditPage>(`audit|${action}|${who}`, (cursor) =>
    call('manager.listAudit', {
      ...(cursor ? { cursor } : {}),
      ...(action ? { action } : {}),
      ...(who ? { who } : {}),
    }),
  );
  useReachBottom(feed.loadMore);
  const { items } = feed;
  const [filters, setFilters] = useState<Pick<AuditPage, 'people' | 'actions'>>();
  // The filters stay on screen while a filtered page loads (the feed clears its last page meanwhile).
  useEffect(() => {
    if (feed.last) setFilters(feed.last);
  }, [feed.last]);
  return (
    <View className="page m-page" id="page-manager-audit">
      {filters && (
        <View className="m-page__top m-audit__filters">
          <Chips
            id="m-audit-actions"
            all="全部操作"
            options={filters.actions.map((a) => ({ value: a, text: ACTION_TEXT[a] ?? a }))}
            value={action}
            onChange={setAction}
          />
          <Chips
            id="m-audit-people"
            all="全部人员"
            options={filters.people.map((p) => ({ value: p.openid, text: p.name }))}
            value={who}
            onChange={setWho}
          />
        </View>
      )}
      <FeedBody
        feed={feed}
        skeletonRows={5}
        listClass="m-page__list"
        footerClass="m-page__footer"
        id="m-audit-list"
        empty={<EmptyState title="暂无操作记录" />}
      >
        {items.map((a) => (
          <View className="m-item card m-audit__row" key={a.id}>
            <View className="m-item__head">
              <Text className="m-item__title m-audit__action">{ACTION_TEXT[a.action] ?? a.action}</Text>
              <Text className="m-item__text">{when(a.createdAt)}</Text>
            </View>
            <Text className="m-item__text m-audit__who">{`${a.role === 'manager' ? '店长' : '店员'} ${a.whoNickname ?? a.who}${a.memberNickname && a.memberId ? ` → 会员 ${a.memberNickname}` : ''}`}</Text>
            {a.orderNo ? <Text className="m-item__text m-audit__order">{`订单 ${a.orderNo}`}</Text> : null}
            {settingsChanges(a.detail) && (
              <Text className="m-item__text m-audit__changes">{settingsChanges(a.detail)}</Text>
            )}
            {a.amountFen !== null ? <Text className="m-item__text">{`金额 ¥${formatFen(a.amountFen)}`}</Text> : null}
          </View>
        ))}
      </FeedBody>
    </View>
  );
}

export default withRole('manager', ManagerAuditPage);
