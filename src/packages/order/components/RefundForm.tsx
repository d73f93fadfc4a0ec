import { Text, View } from '@tarojs/components';
import { Checkbox, Picker, TextArea } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { ArrowRight } from '@nutui/icons-react-taro';
import type { OrderLine, RefundType } from '../../../../cloudfunctions/core/contract';
import { REFUND_TYPE_TEXT } from './order-text';

const REASONS = ['不想要了', '商品与描述不符', '质量问题', '少件/漏发', '发错货', '其他'];

export interface RefundDraft {
  refundType: RefundType;
  whole: boolean;
  lineIds: string[];
  reason: string;
  note: string;
}

/** What each kind means for the customer, under the choice. */
const TYPE_HINT: Record<RefundType, string> = {
  refund_only: '无需寄回商品，商家审核通过后原路退款',
  return_refund: '商家同意后按页面提供的地址寄回商品，款项原路退回',
};

interface Props {
  /** The kinds the server allows for this order now (仅退款 only before the goods left). */
  refundTypes: RefundType[];
  lines: OrderLine[];
  draft: RefundDraft;
  onChange: (d: RefundDraft) => void;
}

/** 仅退款 or 退货退款, 整单 or chosen lines, a common reason, and optional words. */
export function RefundForm({ refundTypes, lines, draft, onChange }: Props) {
  const [picking, setPicking] = useState(false);
  const open = lines.filter((l) => !l.refunded);
  const toggle = (lineId: string, on: boolean) =>
    onChange({ ...draft, lineIds: on ? [...draft.lineIds, lineId] : draft.lineIds.filter((x) => x !== lineId) });
  return (
    <View className="refund-form">
      <View className="detail-info-rows card" id="refund-type">
        <Text className="detail-block__head">售后类型</Text>
        <View className="refund-form__scope">
          {refundTypes.map((t) => (
            <View
              key={t}
              id={`refund-type-${t}`}
              className={`delivery__opt ${draft.refundType === t ? 'is-active' : ''}`}
              onClick={() => onChange({ ...draft, refundType: t })}
            >
              {REFUND_TYPE_TEXT[t]}
            </View>
          ))}
        </View>
        <Text className="refund-row__sub" id="refund-type-hint">
          {refundTypes.length === 1 && refundTypes[0] === 'refund_only'
            ? '商品尚未发出，无需退货：审核通过后原路退款'
            : TYPE_HINT[draft.refundType]}
        </Text>
      </View>
      <View className="detail-info-rows card">
        <Text className="detail-block__head">退款商品</Text>
        <View className="refund-form__scope">
          {[true, false].map((whole) => (
            <View
              key={String(whole)}
              id={`refund-scope-${whole ? 'whole' : 'lines'}`}
              className={`delivery__opt ${draft.whole === whole ? 'is-active' : ''}`}
              onClick={() => onChange({ ...draft, whole })}
            >
              {whole ? '整单退款' : '部分商品'}
            </View>
          ))}
        </View>
        {!draft.whole &&
          open.map((l) => (
            <View key={l.lineId} className="refund-form__line" id={`refund-line-${l.lineId}`}>
              <Checkbox
                checked={draft.lineIds.includes(l.lineId)}
                onChange={(on) => toggle(l.lineId, on)}
                label={`${l.title}${l.specsText ? ` · ${l.specsText}` : ''}  x${l.qty}`}
              />
            </View>
          ))}
      </View>
      <View className="detail-info-rows card">
        <View className="amount-row" id="refund-reason" onClick={() => setPicking(true)}>
          <Text className="amount-row__label">退款原因</Text>
          <View className="refund-form__pick">
            <Text className={draft.reason ? 'amount-row__value' : 'amount-row__muted'}>{draft.reason || '请选择'}</Text>
            <ArrowRight size={12} color="#9A918A" />
          </View>
        </View>
        <TextArea
          className="refund-form__note"
          id="refund-note"
          placeholder="补充说明（选填）"
          maxLength={100}
          showCount
          value={draft.note}
          onChange={(v) => onChange({ ...draft, note: v })}
        />
      </View>
      <Picker
        visible={picking}
        title="退款原因"
        options={[REASONS.map((r) => ({ label: r, value: r }))]}
        value={[draft.reason || REASONS[0]]}
        onClose={() => setPicking(false)}
        onConfirm={(_, values) => onChange({ ...draft, reason: String(values[0] ?? '') })}
      />
    </View>
  );
}
