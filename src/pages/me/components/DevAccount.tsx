import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { Button, Input } from '@nutui/nutui-react-taro';
import { useSession } from '../../../stores/session';

/** H5 local mode only: sign-in is the dev header, so show the demo account and let it be switched. */
export function DevAccount({ onSwitched }: { onSwitched: () => void }) {
  const openid = useSession((s) => s.openid);
  const switchOpenid = useSession((s) => s.switchOpenid);
  const [draft, setDraft] = useState('');

  const submit = () => {
    const next = draft.trim();
    if (!/^[\w.-]{2,64}$/.test(next)) {
      void Taro.showToast({ title: '请输入 2-64 位字母、数字或 - _ .', icon: 'none' });
      return;
    }
    switchOpenid(next);
    setDraft('');
    onSwitched();
    void Taro.showToast({ title: '已切换账号', icon: 'success' });
  };

  return (
    <View className="dev-account card" id="dev-account">
      <View className="dev-account__row">
        <Text className="dev-account__label">本地演示账号</Text>
        <Text className="dev-account__id" id="me-openid">
          {openid}
        </Text>
      </View>
      <View className="dev-account__form">
        <Input
          className="dev-account__input"
          id="dev-openid-input"
          placeholder="输入账号，如 demo-manager"
          value={draft}
          onChange={setDraft}
          clearable
        />
        <Button size="small" type="primary" fill="outline" id="dev-openid-switch" onClick={submit}>
          切换账号
        </Button>
      </View>
    </View>
  );
}
