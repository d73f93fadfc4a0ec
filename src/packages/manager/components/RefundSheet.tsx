import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { Button, Checkbox, Popup, TextArea } from '@nutui/nutui-react-taro';
import { call, toastError } from '../../../api';
import type { OrderView, RefundQuote } from '../../../../cloudfunctions/core/contract';
import { formatFen } from '../../../utils/money';

/** The quote on screen is for the lines ticked now (a newer tick waits for its own quote). */
const sameLines = (a: string[], b: string[]) => [...a].sort().join(',') === [...b].sort().join(',');

interface Props {
  order: OrderView | undefined;
  busy: boolean;
  onClose: () => void;
  onSubmit: (lineIds: string[], reason: string) => void;
}

/**
 * 主动退款: the manager ticks the lines to refund and sees what the server would return for them
 * (manager.quoteRefund, the rule manager.refundOrder applies) before confirming with a reason.
 */
export function RefundSheet({ order, busy, onClose, onSubmit }: Props) {
  const [chosen, setChosen] = useState<string[]>();
  const [quote, setQuote] = useState<RefundQuote>();
  const [reason, setReason] = useState('');
  const orderId = order?.orderId;

  useEffect(() => {
    if (!orderId) return;
    let live = true;
    call('manager.quoteRefund', { orderId, ...(chosen && chosen.length > 0 ? { lineIds: chosen } : {}) }).then(
      (q) => {
        if (!live) return;
        setQuote(q);
        if (!chosen) setChosen(q.lineIds);
      },
      (err) => live && toastError(err),
    );
    return () => {
      live = false;
    };
  }, [orderId, chosen?.join(',')]);

  const none = !!chosen && chosen.length === 0;
  const toggle = (lineId: string, on: boolean) =>
    setChosen((c) => (on ? [...(c ?? []), lineId] : (c ?? []).filter((x) => x !== lineId)));

  return (
    <Popup visible={!!order} position="bottom" round closeable onClose={onClose} title="主动退款">
      <View className="ship-form" id="m-refund-form">
        <Text className="ship-form__order">{order ? `订单 ${order.orderNo}` : ''}</Text>
        <View className="refund-lines" id="m-refund-lines">
          {(quote?.lines ?? []).map((l) => (
            <View className="refund-lines__row" key={l.lineId}>
              <Checkbox
                className="m-refund-line"
                checked={chosen?.includes(l.lineId) ?? false}
                onChange={(on) => toggle(l.lineId, on)}
              >
                {`${l.title}${l.specsText ? ` · ${l.specsText}` : ''} ×${l.qty}`}
              </Checkbox>
              <Text className="refund-lines__fen">{`¥${formatFen(l.payableFen)}`}</Text>
            </View>
          ))}
        </View>
        <View className="refund-lines__total" id="m-refund-amount">
          {none ? (
            <Text>请选择要退款的商品</Text>
          ) : quote ? (
            <Text>
              {`退款金额 ¥${formatFen(quote.amountFen)}`}
              {quote.shippingFen > 0 ? `（含运费 ¥${formatFen(quote.shippingFen)}）` : ''}
            </Text>
          ) : (
            <Text>正在计算退款金额…</Text>
          )}
        </View>
        <TextArea
          className="ship-form__area"
          id="m-refund-reason"
          placeholder="退款原因（顾客可见），按实付金额原路退回"
          maxLength={200}
          showCount
          value={reason}
          onChange={setReason}
        />
        <Button
          block
          type="primary"
          id="m-refund-submit"
          loading={busy}
          disabled={!reason.trim() || busy || none || !quote || !sameLines(quote.lineIds, chosen ?? [])}
          onClick={() => quote && onSubmit(quote.lineIds, reason.trim())}
        >
          {quote && !none ? `确认退款 ¥${formatFen(quote.amountFen)}` : '确认退款'}
        </Button>
      </View>
    </Popup>
  );
}
