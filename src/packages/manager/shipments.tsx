import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { Button, TextArea } from '@nutui/nutui-react-taro';
import { call } from '../../api';
import type { ShipmentImportResult } from '../../../cloudfunctions/core/contract';
import { useSubmit } from '../../hooks/useSubmit';
import { SplitView } from '../../components/SplitView';
import { PrivacyPopup } from '../../components/PrivacyPopup';
import { withRole } from '../../components/RoleGate';
import { ShipmentResults } from './components/ShipmentResults';
import './manager.scss';
import './shipments.scss';

/** What the server accepts in one import (SHIPMENT_CSV_MAX_CHARS). */
const MAX_CHARS = 60_000;

/** A CSV the manager saved from Excel and sent to themselves in a chat (WeChat's only file picker). */
async function pickCsvFile(): Promise<string | undefined> {
  if (process.env.TARO_ENV !== 'weapp') return undefined;
  const picked = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['csv', 'txt'] });
  const path = picked.tempFiles[0]?.path;
  if (!path) return undefined;
  return String(Taro.getFileSystemManager().readFileSync(path, 'utf8'));
}

/** 批量发货: paste or pick a CSV of (订单号, 快递公司, 运单号), import it, see each row's result. */
function ShipmentsPage() {
  const [csv, setCsv] = useState('');
  const [result, setResult] = useState<ShipmentImportResult>();
  const { busy, submit } = useSubmit();

  const run = async () => {
    const answer = await submit('import', (idempotencyKey) =>
      call('manager.importShipments', { csv }, { idempotencyKey }),
    );
    if (!answer) return;
    setResult(answer);
    const shipped = answer.counts.shipped ?? 0;
    void Taro.showToast({ title: `已发货 ${shipped} 单`, icon: shipped > 0 ? 'success' : 'none' });
  };
  const pick = async () => {
    const text = await pickCsvFile().catch(() => undefined);
    if (text !== undefined) setCsv(text.slice(0, MAX_CHARS));
  };

  const form = (
    <View className="m-shipments__form card" id="m-shipments-form">
      <Text className="m-shipments__hint">每行一单：订单号, 快递公司, 运单号（可带表头，最多 500 行）</Text>
      <TextArea
        className="m-shipments__input"
        id="m-shipments-csv"
        value={csv}
        maxLength={MAX_CHARS}
        rows={10}
        placeholder={'订单号,快递公司,运单号\n202603020001,顺丰,SF1234567890'}
        onChange={setCsv}
      />
      <View className="m-shipments__actions">
        {process.env.TARO_ENV === 'weapp' && (
          <Button fill="outline" onClick={() => void pick()}>
            从聊天选择文件
          </Button>
        )}
        <Button
          type="primary"
          id="m-shipments-submit"
          loading={busy === 'import'}
          disabled={!csv.trim() || !!busy}
          onClick={() => void run()}
        >
          导入发货
        </Button>
      </View>
    </View>
  );
  return (
    <View className="page m-page m-shipments" id="page-manager-shipments">
      {/* chooseMessageFile is a private API on weapp. */}
      <PrivacyPopup />
      <SplitView
        id="m-shipments-split"
        list={form}
        detail={result && <ShipmentResults result={result} />}
        placeholder="导入后在这里查看每一行的结果"
        onBack={() => setResult(undefined)}
      />
    </View>
  );
}

export default withRole('manager', ShipmentsPage);
