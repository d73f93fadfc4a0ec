import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { Button } from '@nutui/nutui-react-taro';
import { call, toastError } from '../../../api';
import type { ExportDownload, ExportJobStatus, ExportJobView } from '../../../../cloudfunctions/core/contract';
import { shanghaiTime } from '../../../utils/shanghai-time';

const STATUS: Record<ExportJobStatus, string> = {
  queued: '排队中',
  running: '生成中',
  done: '已完成',
  failed: '失败',
};

const KIND: Record<ExportJobView['kind'], string> = {
  orders: '订单',
  refunds: '退款',
  payments: '支付',
  members: '会员',
  points: '积分流水',
};

const KB = 1024;

function sizeText(bytes: number): string {
  return bytes >= KB * KB ? `${(bytes / KB / KB).toFixed(1)} MB` : `${Math.ceil(bytes / KB)} KB`;
}

/** A link the H5 page can open as is; the gateway answers a same-origin path. */
function absolute(url: string): string {
  return /^https?:/.test(url) ? url : `${window.location.origin}${url}`;
}

function copyLink(url: string) {
  const link = process.env.TARO_ENV === 'h5' ? absolute(url) : url;
  void Taro.setClipboardData({ data: link }).then(
    () => Taro.showToast({ title: '链接已复制', icon: 'success' }),
    () => Taro.showToast({ title: '复制失败', icon: 'none' }),
  );
}

/**
 * Opens a fresh link (the server signs a new one per tap: the gateway's expire in 15 minutes):
 * the browser downloads it; WeChat opens XLSX in its document viewer and copies a CSV's link.
 */
async function openReport(d: ExportDownload) {
  if (process.env.TARO_ENV === 'h5') {
    const a = document.createElement('a');
    a.href = absolute(d.url);
    a.download = d.fileName;
    a.click();
    return;
  }
  if (d.format === 'csv') return copyLink(d.url);
  Taro.showLoading({ title: '下载中' });
  try {
    const { tempFilePath } = await Taro.downloadFile({ url: d.url });
    await Taro.openDocument({ filePath: tempFilePath, fileType: 'xlsx', showMenu: true });
  } catch {
    void Taro.showToast({ title: '打开失败，请复制链接到电脑下载', icon: 'none' });
  } finally {
    Taro.hideLoading();
  }
}

function ExportJobRow({ job }: { job: ExportJobView }) {
  const [busy, setBusy] = useState<'open' | 'copy'>();
  const fetchLink = async (then: (d: ExportDownload) => unknown, slot: 'open' | 'copy') => {
    setBusy(slot);
    try {
      await then(await call('manager.exportDownload', { jobId: job.jobId }));
    } catch (err) {
      toastError(err);
    } finally {
      setBusy(undefined);
    }
  };
  const meta =
    job.status === 'done' && job.rows !== null && job.bytes !== null
      ? `共 ${job.rows} 行 · ${sizeText(job.bytes)}`
      : job.status === 'failed'
        ? job.error
        : `${shanghaiTime(job.createdAt, 'MM-DD HH:mm')} 提交`;
  return (
    <View className="m-exports__job" id={`m-export-job-${job.jobId}`}>
      <View className="m-exports__job-head">
        <Text className="m-exports__job-title">{`${KIND[job.kind]} · ${job.format === 'xlsx' ? 'Excel' : 'CSV'}`}</Text>
        <Text className={`m-exports__status m-exports__status--${job.status}`}>{STATUS[job.status]}</Text>
      </View>
      <Text className="m-exports__meta">{`${job.from} 至 ${job.to}`}</Text>
      <Text className="m-exports__meta">{meta}</Text>
      {job.status === 'done' && (
        <View className="m-exports__actions">
          <Button
            size="small"
            type="primary"
            className="m-exports__download"
            loading={busy === 'open'}
            disabled={!!busy}
            onClick={() => void fetchLink(openReport, 'open')}
          >
            下载
          </Button>
          <Button
            size="small"
            fill="outline"
            disabled={!!busy}
            loading={busy === 'copy'}
            onClick={() => void fetchLink((d) => copyLink(d.url), 'copy')}
          >
            复制链接
          </Button>
        </View>
      )}
    </View>
  );
}

/** 导出记录: the store's recent exports, newest first; links are fetched per tap, files kept 7 days. */
export function ExportJobList({ jobs }: { jobs: ExportJobView[] }) {
  return (
    <View className="card m-exports__jobs" id="m-export-jobs">
      <Text className="m-exports__label">导出记录</Text>
      {jobs.map((job) => (
        <ExportJobRow key={job.jobId} job={job} />
      ))}
      <Text className="m-exports__hint">文件保留 7 天，过期自动删除</Text>
    </View>
  );
}
