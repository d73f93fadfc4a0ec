import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { Button, Input } from '@nutui/nutui-react-taro';
import { Scan } from '@nutui/icons-react-taro';

/**
 * How the counter reads a member code: the camera (`Taro.scanCode`) on weapp; on H5, where no
 * camera API exists, a field to type or paste the code.
 */
export function CodeEntry({ busy, onCode }: { busy: boolean; onCode: (code: string) => void }) {
  const [text, setText] = useState('');
  const scan = async () => {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
      if (res.result) onCode(res.result.trim());
    } catch {
      // Cancelled by the staff member: nothing to say.
    }
  };
  if (process.env.TARO_ENV === 'weapp') {
    return (
      <View className="counter-entry card">
        <Button
          block
          type="primary"
          size="large"
          icon={<Scan />}
          loading={busy}
          disabled={busy}
          onClick={() => void scan()}
        >
          扫会员码
        </Button>
        <Text className="counter-entry__hint">请顾客打开「我的 - 会员码」</Text>
      </View>
    );
  }
  const code = text.trim();
  return (
    <View className="counter-entry card">
      <Text className="counter-entry__title">会员码</Text>
      <Input
        className="counter-entry__input"
        id="staff-code-input"
        placeholder="粘贴或输入顾客的会员码"
        value={text}
        onChange={setText}
        clearable
      />
      <Button
        block
        type="primary"
        id="staff-code-submit"
        loading={busy}
        disabled={busy || code.length < 8}
        onClick={() => {
          onCode(code);
          setText('');
        }}
      >
        查询会员
      </Button>
      <Text className="counter-entry__hint">会员码 60 秒内有效，仅可使用一次</Text>
    </View>
  );
}
