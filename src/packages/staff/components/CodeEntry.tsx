import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { Button, Input } from '@nutui/nutui-react-taro';
import { Scan } from '@nutui/icons-react-taro';

/**
 * How the counter reads a member code: the camera (`Taro.scanCode`) on weapp, and everywhere a field
 * to type the fourteen digits under the member's QR (or paste the code). A camera that fails, or a
 * staff member who refuses it, is told to type the digits instead; a cancelled scan says nothing.
 */
export function CodeEntry({ busy, onCode }: { busy: boolean; onCode: (code: string) => void }) {
  const [text, setText] = useState('');
  const scan = async () => {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
      if (res.result) onCode(res.result.trim());
    } catch (err) {
      const message = (err as { errMsg?: string } | undefined)?.errMsg ?? '';
      if (/cancel/i.test(message)) return;
      void Taro.showToast({ title: '无法使用相机，请输入会员码下方的数字', icon: 'none', duration: 2500 });
    }
  };
  const code = text.trim();
  return (
    <View className="counter-entry card">
      {process.env.TARO_ENV === 'weapp' && (
        <Button
          block
          type="primary"
          size="large"
          id="staff-code-scan"
          icon={<Scan />}
          loading={busy}
          disabled={busy}
          onClick={() => void scan()}
        >
          扫会员码
        </Button>
      )}
      <Text className="counter-entry__title">{process.env.TARO_ENV === 'weapp' ? '或输入会员码数字' : '会员码'}</Text>
      <Input
        className="counter-entry__input"
        id="staff-code-input"
        type={process.env.TARO_ENV === 'weapp' ? 'digit' : 'text'}
        placeholder="输入会员码下方的 14 位数字，或粘贴会员码"
        value={text}
        onChange={setText}
        clearable
      />
      <Button
        block
        type={process.env.TARO_ENV === 'weapp' ? 'default' : 'primary'}
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
      <Text className="counter-entry__hint">请顾客打开「我的 - 会员码」；会员码 60 秒内有效，仅可使用一次</Text>
    </View>
  );
}
