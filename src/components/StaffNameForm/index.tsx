import { View } from '@tarojs/components';
import { useState } from 'react';
import { Button, Input, Popup } from '@nutui/nutui-react-taro';

interface Props {
  /** The person being named; undefined keeps the sheet closed. */
  staff: { customName: string | null; nickname: string | null } | undefined;
  busy: boolean;
  onClose: () => void;
  /** null: clear the set name (the nickname shows again). */
  onSubmit: (name: string | null) => void;
}

/** 设置名称 (the manager on 员工, staff on their own page): the one name 员工, 操作日志, the counter, the dashboard and 导购管理 show for a staff member. */
export function StaffNameForm({ staff, busy, onClose, onSubmit }: Props) {
  const [name, setName] = useState(staff?.customName ?? '');
  return (
    <Popup visible={!!staff} position="bottom" round closeable onClose={onClose} title="设置员工名称">
      <View className="ship-form" id="m-staff-name-form">
        <View className="ship-form__row">
          <Input
            className="ship-form__input"
            id="m-staff-name-input"
            placeholder={`如「小禾」，不填则显示微信昵称 ${staff?.nickname ?? ''}`}
            maxLength={20}
            value={name}
            onChange={setName}
          />
        </View>
        <Button
          block
          type="primary"
          id="m-staff-name-submit"
          loading={busy}
          disabled={busy || (!name.trim() && !staff?.customName)}
          onClick={() => onSubmit(name.trim() || null)}
        >
          {name.trim() || !staff?.customName ? '保存' : '恢复为微信昵称'}
        </Button>
      </View>
    </Popup>
  );
}
