import { Text, View } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import type { ShipmentImportResult, ShipmentRowOutcome } from '../../../../cloudfunctions/core/contract';

const OUTCOME: Record<ShipmentRowOutcome, { text: string; type: 'success' | 'warning' | 'danger' | 'default' }> = {
  shipped: { text: '已发货', type: 'success' },
  already_shipped: { text: '此前已发货', type: 'default' },
  shipped_other: { text: '已用其他运单', type: 'warning' },
  not_found: { text: '订单不存在', type: 'danger' },
  not_paid: { text: '不可发货', type: 'danger' },
  not_express: { text: '自提订单', type: 'warning' },
  bad_carrier: { text: '快递公司有误', type: 'danger' },
  bad_tracking_no: { text: '运单号有误', type: 'danger' },
  duplicate_row: { text: '重复行', type: 'warning' },
  malformed: { text: '格式有误', type: 'danger' },
};

/** 导入结果: a count per outcome, then every row of the file with what happened to it. */
export function ShipmentResults({ result }: { result: ShipmentImportResult }) {
  const counts = Object.entries(result.counts) as Array<[ShipmentRowOutcome, number]>;
  return (
    <View className="m-shipments__results" id="m-shipment-results">
      <View className="card m-shipments__summary" id="m-shipment-summary">
        {counts.map(([outcome, n]) => (
          <Text key={outcome} className="m-shipments__count">{`${OUTCOME[outcome].text} ${n}`}</Text>
        ))}
      </View>
      {result.rows.map((r) => (
        <View className="card m-shipments__row" key={r.line} id={`m-shipment-row-${r.line}`}>
          <View className="m-shipments__row-head">
            <Text className="m-shipments__line">{`第 ${r.line} 行`}</Text>
            <Tag
              type={OUTCOME[r.outcome].type}
              round
              className={OUTCOME[r.outcome].type === 'danger' ? 'tag-alert' : undefined}
            >
              {OUTCOME[r.outcome].text}
            </Tag>
          </View>
          {r.orderNo && <Text className="m-shipments__text">{`${r.orderNo} · ${r.carrier} ${r.trackingNo}`}</Text>}
          <Text className="m-shipments__message">{r.message}</Text>
        </View>
      ))}
    </View>
  );
}
