import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { Button, Input } from '@nutui/nutui-react-taro';
import { yuanInputToFen } from '../../../utils/yuan-input';
import { formatFen } from '../../../utils/money';
import '../../../styles/form-row.scss';

/** 消费积分: the receipt's amount in yuan (sent as fen) and its number, unique per store. */
export function AwardForm({
  busy,
  onAward,
}: {
  busy: boolean;
  onAward: (amountFen: number, receiptNo: string) => Promise<boolean>;
}) {
  const [amount, setAmount] = useState('');
  const [receipt, setReceipt] = useState('');
  const fen = yuanInputToFen(amount);
  const submit = async () => {
    if (fen === null || fen <= 0) return void Taro.showToast({ title: '请输入正确的消费金额', icon: 'none' });
    if (!/^[A-Za-z0-9_-]{1,40}$/.test(receipt.trim()))
      return void Taro.showToast({ title: '请输入小票号（字母、数字）', icon: 'none' });
    if (await onAward(fen, receipt.trim())) {
      setAmount('');
      setReceipt('');
    }
  };
  return (
    <View className="counter-form card" id="staff-award">
      <Text className="counter-form__title">消费积分</Text>
      <View className="form-row">
        <Text className="form-row__label">消费金额</Text>
        <Input
          className="form-row__input"
          id="staff-amount"
          type="digit"
          placeholder="如 88.00"
          value={amount}
          onChange={setAmount}
        />
        <Text className="counter-form__unit">元</Text>
      </View>
      <View className="form-row">
        <Text className="form-row__label">小票号</Text>
        <Input
          className="form-row__input"
          id="staff-receipt"
          placeholder="收银小票上的单号"
          value={receipt}
          maxLength={40}
          onChange={setReceipt}
        />
      </View>
      {fen !== null && fen > 0 ? (
        <Text className="counter-form__preview" id="staff-amount-preview">{`实收 ¥${formatFen(fen)}`}</Text>
      ) : null}
      <Button block type="primary" id="staff-award-submit" loading={busy} disabled={busy} onClick={() => void submit()}>
        确认积分
      </Button>
    </View>
  );
}
