import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { Button, Input, Tag } from '@nutui/nutui-react-taro';
import type { AdvisorSummary } from '../../../../cloudfunctions/core/contract';
import { formatFen } from '../../../utils/money';
import { yuanInputToFen } from '../../../utils/yuan-input';
import '../../../styles/form-row.scss';

interface Props {
  advisor: AdvisorSummary;
  busy: boolean;
  onSaveBudget: (budgetFen: number) => Promise<boolean>;
  onCustomers: () => void;
}

/** One advisor in 导购管理: shop, code, customers, this month's budget and spend, budget editing. */
export function AdvisorCard({ advisor: a, busy, onSaveBudget, onCustomers }: Props) {
  const [yuan, setYuan] = useState('');
  const save = async () => {
    const fen = yuanInputToFen(yuan);
    if (fen === null) return void Taro.showToast({ title: '请输入正确的额度', icon: 'none' });
    if (await onSaveBudget(fen)) setYuan('');
  };
  return (
    <View className="m-advisor card" id={`advisor-${a.openid}`}>
      <View className="m-advisor__head">
        <Text className="m-advisor__name">{a.name}</Text>
        <Tag type={a.role === 'manager' ? 'warning' : 'primary'} round>
          {a.role === 'manager' ? '店长' : '导购'}
        </Tag>
        {a.shopName ? (
          <Text className="m-advisor__shop">{a.shopName}</Text>
        ) : (
          <Tag type="warning" className="m-advisor__shop">
            未分配门店
          </Tag>
        )}
      </View>
      <Text className="m-advisor__meta">{`导购码 ${a.code ?? '—'} · 顾客 ${a.customers} 人`}</Text>
      <Text className="m-advisor__meta m-advisor__budget">{`本月发券 ¥${formatFen(a.budget.spentFen)} / 额度 ¥${formatFen(a.budget.budgetFen)}`}</Text>
      <View className="form-row">
        <Text className="form-row__label">月额度</Text>
        <Input
          className="form-row__input m-advisor__input"
          type="digit"
          placeholder={formatFen(a.budget.budgetFen)}
          value={yuan}
          onChange={setYuan}
        />
        <Text className="m-advisor__unit">元</Text>
      </View>
      <View className="m-advisor__actions">
        <Button size="small" fill="outline" className="m-advisor__customers" onClick={onCustomers}>
          查看顾客
        </Button>
        <Button
          size="small"
          type="primary"
          className="m-advisor__save"
          loading={busy}
          disabled={busy || !yuan}
          onClick={() => void save()}
        >
          保存额度
        </Button>
      </View>
    </View>
  );
}
