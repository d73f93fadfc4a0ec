import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { Button, Popup, Radio } from '@nutui/nutui-react-taro';
import type { ActionInput, CouponKindField, CouponKindForm } from '../../../../cloudfunctions/core/contract';
import { yuanInputToFen } from '../../../utils/yuan-input';
import { FormRow } from '../../../components/FormRow';

type Draft = ActionInput<'manager.createCouponTemplate'>;

const int = (v: string) => (/^\d{1,7}$/.test(v.trim()) ? Number(v.trim()) : NaN);

/** What the manager typed for one arg, as the number the server takes: fen for yuan, a whole percent. */
function argValue(field: CouponKindField, text: string): number {
  return field.input === 'yuan' ? (yuanInputToFen(text) ?? NaN) : int(text);
}

/** `thresholdFen` -> `m-tpl-threshold`: a stable id per arg for tests and the screenshot. */
const fieldId = (name: string) => `m-tpl-${name.replace(/Fen$/, '')}`;

/**
 * 新建优惠券: a store-wide claim-center template. The kinds and their fields are the server's
 * (`kinds`, from the coupon rules), so a new kind appears here without a client change; the
 * server checks the args with the kind's rule.
 */
export function TemplateForm({
  kinds,
  visible,
  busy,
  onClose,
  onCreate,
}: {
  kinds: CouponKindForm[];
  visible: boolean;
  busy: boolean;
  onClose: () => void;
  onCreate: (d: Draft) => void;
}) {
  const [code, setCode] = useState<string | undefined>(undefined);
  const kind = kinds.find((k) => k.code === code) ?? kinds[0];
  const [f, setF] = useState({ title: '', days: '7', total: '100', limit: '1' });
  // One value per arg name, kept across kinds: 减 typed for 满减 is still there after picking 无门槛.
  const [args, setArgs] = useState<Record<string, string>>({});
  const set = (k: keyof typeof f) => (v: string) => setF({ ...f, [k]: v });
  const setArg = (name: string) => (v: string) => setArgs({ ...args, [name]: v });
  const create = () => {
    if (!kind) return;
    const given = kind.fields.filter((field) => (args[field.name] ?? '').trim() !== '');
    const draft: Draft = {
      title: f.title.trim(),
      kind: kind.code,
      args: Object.fromEntries(given.map((field) => [field.name, argValue(field, args[field.name]!)])),
      validDays: int(f.days),
      total: int(f.total),
      perMemberLimit: int(f.limit),
    };
    const missing = kind.fields.some((field) => field.required && !given.includes(field));
    const numbers = [draft.validDays, draft.total, draft.perMemberLimit, ...Object.values(draft.args!)];
    if (!draft.title || missing || numbers.some((v) => Number.isNaN(v))) {
      return void Taro.showToast({ title: '请完整填写券的信息', icon: 'none' });
    }
    onCreate(draft);
  };
  return (
    <Popup visible={visible} position="bottom" round closeable onClose={onClose} title="新建优惠券">
      <View className="m-form" id="m-template-form">
        <FormRow label="名称" id="m-tpl-title" value={f.title} onChange={set('title')} />
        <Radio.Group
          value={kind?.code}
          onChange={(v) => setCode(String(v))}
          direction="horizontal"
          className="m-form__kinds"
        >
          {kinds.map((k) => (
            <Radio key={k.code} value={k.code}>
              {k.title}
            </Radio>
          ))}
        </Radio.Group>
        {kind?.fields.map((field) => (
          <FormRow
            key={`${kind.code}.${field.name}`}
            label={`${field.label}（${field.unit}）`}
            placeholder={field.required ? undefined : '选填'}
            id={fieldId(field.name)}
            type={field.input === 'yuan' ? 'digit' : 'number'}
            value={args[field.name] ?? ''}
            onChange={setArg(field.name)}
          />
        ))}
        <FormRow label="有效天数" id="m-tpl-days" type="number" value={f.days} onChange={set('days')} />
        <FormRow label="发放总量" id="m-tpl-total" type="number" value={f.total} onChange={set('total')} />
        <FormRow label="每人限领" id="m-tpl-limit" type="number" value={f.limit} onChange={set('limit')} />
        <Button block type="primary" id="m-tpl-submit" loading={busy} disabled={busy || !kind} onClick={create}>
          创建
        </Button>
      </View>
    </Popup>
  );
}
