import { Text, View } from '@tarojs/components';
import { useReachBottom } from '@tarojs/taro';
import { useState } from 'react';
import { Tag } from '@nutui/nutui-react-taro';
import { call } from '../../api';
import type { NudgeRecord, NudgeStatus } from '../../../cloudfunctions/core/contract';
import { useCursorPages } from '../../hooks/useCursorPages';
import { EmptyState } from '../../components/EmptyState';
import { LineTabs } from '../../components/LineTabs';
import { FeedBody } from '../../components/FeedBody';
import { formatTime } from '../order/components/order-text';
import './manager.scss';
import './dashboard.scss';
import { withRole } from '../../components/RoleGate';

const TABS: Array<{ value: NudgeStatus | 'all'; title: string }> = [
  { value: 'all', title: '全部' },
  { value: 'sent', title: '已发送' },
  { value: 'queued', title: '待发送' },
  { value: 'refused', title: '被拒收' },
  { value: 'failed', title: '失败' },
];
const STATUS: Record<NudgeStatus, { text: string; type: 'success' | 'warning' | 'danger' | 'default' }> = {
  sent: { text: '已发送', type: 'success' },
  queued: { text: '待发送', type: 'default' },
  refused: { text: '被拒收', type: 'warning' },
  failed: { text: '发送失败', type: 'danger' },
};

function MessageCard({ m }: { m: NudgeRecord }) {
  return (
    <View className="message card" id={`message-${m.nudgeId}`}>
      <View className="message__head">
        <Text className="message__member">{m.memberNickname}</Text>
        <Tag background="#EAF2EE" color="#3F6B57">
          {m.triggerTitle}
        </Tag>
        <Tag type={STATUS[m.status].type}>{STATUS[m.status].text}</Tag>
        {m.converted && (
          <Tag background="#FDF1E4" color="#B86B2E">
            已转化
          </Tag>
        )}
      </View>
      <Text className="message__title">{m.title}</Text>
      <Text className="message__body">{m.body}</Text>
      <Text className="message__meta">
        {m.sentAt ? `发送于 ${formatTime(m.sentAt)}` : `创建于 ${formatTime(m.createdAt)}`}
        {m.errcode !== null ? ` · 错误码 ${m.errcode}` : ''}
      </Text>
    </View>
  );
}

function ManagerMessagesPage() {
  const [tab, setTab] = useState<NudgeStatus | 'all'>('all');
  const feed = useCursorPages<NudgeRecord>(tab, (cursor) =>
    call('manager.messages', { ...(tab === 'all' ? {} : { status: tab }), ...(cursor ? { cursor } : {}) }),
  );
  useReachBottom(feed.loadMore);
  return (
    <View className="page m-page" id="page-manager-messages">
      <LineTabs tabs={TABS} value={tab} onChange={setTab} className="m-page__tabs" />
      <FeedBody
        feed={feed}
        listClass="m-page__list"
        footerClass="m-page__footer"
        id="message-list"
        empty={<EmptyState id="messages-empty" title="暂无消息记录" description="每日 10:00 的复购提醒会记录在这里" />}
      >
        {feed.items.map((m) => (
          <MessageCard key={m.nudgeId} m={m} />
        ))}
      </FeedBody>
    </View>
  );
}

export default withRole('manager', ManagerMessagesPage);
