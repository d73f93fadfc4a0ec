import { Picker, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Radio } from '@nutui/nutui-react-taro';
import { call } from '../../api';
import type { ExportKind } from '../../../cloudfunctions/core/contract';
import { useSubmit } from '../../hooks/useSubmit';
import { useRemote } from '../../hooks/useRemote';
import { SplitView } from '../../components/SplitView';
import { PrivacyPopup } from '../../components/PrivacyPopup';
import { withRole } from '../../components/RoleGate';
import { ListSkeleton } from '../../components/Skeletons';
import { EmptyState } from '../../components/EmptyState';
import { shanghaiTime } from '../../utils/shanghai-time';
import { ExportJobList } from './components/ExportJobList';
import './manager.scss';
import './exports.scss';

const KINDS: Array<{ kind: ExportKind; title: string }> = [
  { kind: 'orders', title: '订单' },
  { kind: 'refunds', title: '退款' },
  { kind: 'payments', title: '支付' },
  { kind: 'members', title: '会员' },
  { kind: 'points', title: '积分流水' },
];

function DateField(props: { id: string; label: string; value: string; onChange: (day: string) => void }) {
  return (
    <Picker mode="date" value={props.value} onChange={(e) => props.onChange(String(e.detail.value))}>
      <View className="m-exports__row" id={props.id}>
        <Text className="m-exports__label">{props.label}</Text>
        <Text className="m-exports__value">{props.value} ›</Text>
      </View>
    </Picker>
  );
}

/** How often the list is asked again while an export is queued or being built (the worker runs every minute). */
const POLL_MS = 3000;

/**
 * 数据导出: a report for the accountant over Shanghai days, as CSV or Excel. 生成报表 queues it; the
 * list beside the form (below it on a phone) follows it from 排队中 to 已完成 and downloads it.
 */
function ExportsPage() {
  const today = shanghaiTime(new Date().toISOString(), 'YYYY-MM-DD');
  const [kind, setKind] = useState<ExportKind>('orders');
  const [from, setFrom] = useState(`${today.slice(0, 8)}01`);
  const [to, setTo] = useState(today);
  const [format, setFormat] = useState<'csv' | 'xlsx'>('xlsx');
  const { busy, submit } = useSubmit();
  const jobs = useRemote(() => call('manager.listExports', {}), []);
  const pending = jobs.data?.items.some((j) => j.status === 'queued' || j.status === 'running') ?? false;

  useEffect(() => {
    if (!pending) return undefined;
    const timer = setTimeout(() => void jobs.reload(), POLL_MS);
    return () => clearTimeout(timer);
  }, [pending, jobs.data]);

  const run = async () => {
    const answer = await submit('export', (idempotencyKey) =>
      call('manager.exportReport', { kind, from, to, format }, { idempotencyKey }),
    );
    if (answer) {
      void Taro.showToast({ title: '已提交，生成后可下载', icon: 'none' });
      void jobs.reload();
    }
  };

  const list = !jobs.data ? (
    jobs.error ? (
      <EmptyState status="network" title="加载失败" actionText="重新加载" onAction={() => void jobs.reload()} />
    ) : (
      <ListSkeleton rows={3} />
    )
  ) : jobs.data.items.length === 0 ? (
    <EmptyState title="还没有导出记录" description="选择报表和日期后点「生成报表」" />
  ) : (
    <ExportJobList jobs={jobs.data.items} />
  );

  const form = (
    <View className="card m-exports__form" id="m-exports-form">
      <Text className="m-exports__label">报表</Text>
      <Radio.Group value={kind} onChange={(v) => setKind(v as ExportKind)} direction="horizontal" id="m-export-kind">
        {KINDS.map((k) => (
          <Radio key={k.kind} value={k.kind} id={`m-export-kind-${k.kind}`}>
            {k.title}
          </Radio>
        ))}
      </Radio.Group>
      <DateField id="m-export-from" label="开始日期" value={from} onChange={setFrom} />
      <DateField id="m-export-to" label="结束日期" value={to} onChange={setTo} />
      <Text className="m-exports__label">格式</Text>
      <Radio.Group value={format} onChange={(v) => setFormat(v as 'csv' | 'xlsx')} direction="horizontal">
        <Radio value="xlsx" id="m-export-format-xlsx">
          Excel (xlsx)
        </Radio>
        <Radio value="csv" id="m-export-format-csv">
          CSV
        </Radio>
      </Radio.Group>
      <Text className="m-exports__hint">按上海时间的自然日统计，一次最多 366 天</Text>
      <Button
        block
        type="primary"
        id="m-export-submit"
        loading={busy === 'export'}
        disabled={!!busy}
        onClick={() => void run()}
      >
        生成报表
      </Button>
    </View>
  );
  return (
    <View className="page m-page m-exports" id="page-manager-exports">
      {/* 复制链接 goes through setClipboardData, a private API on weapp. */}
      <PrivacyPopup />
      {/* Always open: exports.scss stacks the list under the form on a phone, beside it from 1024 px. */}
      <SplitView id="m-exports-split" list={form} detail={list} />
    </View>
  );
}

export default withRole('manager', ExportsPage);
