import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { Button, Input, Popup, Radio } from '@nutui/nutui-react-taro';
import type { ActionInput, CouponKind } from '../../../../cloudfunctions/core/contract';
import { yuanInputToFen } from '../../../utils/yuan-input';
import '../../../styles/form-row.scss';

const KINDS: Array<{ value: CouponKind; label: string }> = [
  { value: 'full_reduction', label: '满减' },
  { value: 'percent_off', label: '折扣' },
  { value: 'no_threshold', label: '无门槛' },
];

type Draft = ActionInput<'manager.createCouponTemplate'>;

function Field({ label, id, value, onChange, type = 'text' }: { label: string; id: string; value: string; onChange: (v: string) => void; type?: 'text' | 'digit' | 'number' }) {
  return (
    <View className="form-row">
      <Text className="form-row__label">{label}</Text>
      <Input className="form-row__input" id={id} type={type} value={value} onChange={onChange} />
    </View>
  );
}

/** 新建优惠券: a store-wide claim-center template; the server checks the terms with the coupon rules. */
export function TemplateForm({ visible, busy, onClose, onCreate }: { visible: boolean; busy: boolean; onClose: () => void; onCreate: (d: Draft) => void }) {
  const [kind, setKind] = useState<CouponKind>('full_reduction');
  const [f, setF] = useState({ title: '', threshold: '', amount: '', percent: '', cap: '', days: '7', total: '100', limit: '1' });
  const set = (k: keyof typeof f) => (v: string) => setF({ ...f, [k]: v });
  const int = (v: string) => (/^\d{1,7}$/.test(v.trim()) ? Number(v.trim()) : NaN);
  const create = () => {
    const fen = (v: string) => (v.trim() ? yuanInputToFen(v) ?? NaN : undefined);
    const draft: Draft = {
      title: f.title.trim(),
      kind,
      thresholdFen: kind === 'full_reduction' ? fen(f.threshold) : undefined,
      amountFen: kind === 'percent_off' ? undefined : fen(f.amount),
      percentOff: kind === 'percent_off' ? int(f.percent) : undefined,
      capFen: kind === 'percent_off' ? fen(f.cap) : undefined,
      validDays: int(f.days),
      total: int(f.total),
      perMemberLimit: int(f.limit),
    };
    if (!draft.title || Object.values(draft).some((v) => typeof v === 'number' && Number.isNaN(v))) {
      return void Taro.showToast({ title: '请完整填写券的信息', icon: 'none' });
    }
    onCreate(draft);
  };
  return (
    <Popup visible={visible} position="bottom" round closeable onClose={onClose} title="新建优惠券">
      <View className="m-form" id="m-template-form">
        <Field label="名称" id="m-tpl-title" value={f.title} onChange={set('title')} />
        <Radio.Group value={kind} onChange={(v) => setKind(v as CouponKind)} direction="horizontal" className="m-form__kinds">
          {KINDS.map((k) => <Radio key={k.value} value={k.value}>{k.label}</Radio>)}
        </Radio.Group>
        {kind === 'full_reduction' && <Field label="满（元）" id="m-tpl-threshold" type="digit" value={f.threshold} onChange={set('threshold')} />}
        {kind !== 'percent_off' && <Field label="减（元）" id="m-tpl-amount" type="digit" value={f.amount} onChange={set('amount')} />}
        {kind === 'percent_off' && <Field label="减免 %" id="m-tpl-percent" type="number" value={f.percent} onChange={set('percent')} />}
        {kind === 'percent_off' && <Field label="最多减（元）" id="m-tpl-cap" type="digit" value={f.cap} onChange={set('cap')} />}
        <Field label="有效天数" id="m-tpl-days" type="number" value={f.days} onChange={set('days')} />
        <Field label="发放总量" id="m-tpl-total" type="number" value={f.total} onChange={set('total')} />
        <Field label="每人限领" id="m-tpl-limit" type="number" value={f.limit} onChange={set('limit')} />
        <Button block type="primary" id="m-tpl-submit" loading={busy} disabled={busy} onClick={create}>创建</Button>
      </View>
    </Popup>
  );
}
