import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import type { ExportReportResult } from '../../../../cloudfunctions/core/contract';

/** A link the H5 page can open as is; the server answers a same-origin path locally. */
function absolute(url: string): string {
  return /^https?:/.test(url) ? url : `${window.location.origin}${url}`;
}

/** Opens the file: a download in the browser; on WeChat, XLSX in the document viewer (CSV links are copied). */
async function openReport(r: ExportReportResult) {
  if (process.env.TARO_ENV === 'h5') {
    window.open(absolute(r.url), '_blank');
    return;
  }
  if (r.format === 'csv') return copyLink(r.url);
  Taro.showLoading({ title: '下载中' });
  try {
    const { tempFilePath } = await Taro.downloadFile({ url: r.url });
    await Taro.openDocument({ filePath: tempFilePath, fileType: 'xlsx', showMenu: true });
  } catch {
    void Taro.showToast({ title: '打开失败，请复制链接到电脑下载', icon: 'none' });
  } finally {
    Taro.hideLoading();
  }
}

function copyLink(url: string) {
  const link = process.env.TARO_ENV === 'h5' ? absolute(url) : url;
  void Taro.setClipboardData({ data: link }).then(
    () => Taro.showToast({ title: '链接已复制', icon: 'success' }),
    () => Taro.showToast({ title: '复制失败', icon: 'none' }),
  );
}

const KB = 1024;

/** 导出结果: what was written and the link to it (temporary on WeChat Cloud: about a day). */
export function ExportResult({ result }: { result: ExportReportResult }) {
  const size =
    result.bytes >= KB * KB ? `${(result.bytes / KB / KB).toFixed(1)} MB` : `${Math.ceil(result.bytes / KB)} KB`;
  return (
    <View className="card m-exports__result" id="m-export-result">
      <Text className="m-exports__file" id="m-export-file">
        {result.fileName}
      </Text>
      <Text className="m-exports__meta" id="m-export-meta">{`共 ${result.rows} 行 · ${size}`}</Text>
      {process.env.TARO_ENV === 'h5' ? (
        // A real link (the browser downloads it; the e2e test reads its href), drawn as the page's buttons.
        <a className="m-exports__link" id="m-export-link" href={absolute(result.url)} download={result.fileName}>
          <Button block type="primary">
            下载文件
          </Button>
        </a>
      ) : (
        <Button block type="primary" id="m-export-open" onClick={() => void openReport(result)}>
          打开文件
        </Button>
      )}
      <Button block fill="outline" id="m-export-copy" onClick={() => copyLink(result.url)}>
        复制链接
      </Button>
    </View>
  );
}
