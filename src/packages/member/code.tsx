import { Image, Text, View } from '@tarojs/components';
import Taro, { useDidHide, useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Button } from '@nutui/nutui-react-taro';
import { call, toastError } from '../../api';
import type { MemberCodeView } from '../../../cloudfunctions/core/contract';
import { PageSkeleton } from '../../components/Skeletons';
import { EmptyState } from '../../components/EmptyState';
import { qrDataUrl } from './qr';
import './membership.scss';

/** `10000042123456` -> `1000 0042 1234 56`, as the counter reads it out. */
function groupDigits(digits: string): string {
  return digits.replace(/(\d{4})(?=\d)/g, '$1 ');
}

/**
 * 会员码: a QR the counter staff scan, and the same code as digits they can type. The code rotates every 30 s on the server; the page fetches the
 * next one when the countdown (measured against the server's clock, not the phone's) runs out.
 */
export default function MemberCodePage() {
  const [code, setCode] = useState<MemberCodeView>();
  const [failed, setFailed] = useState(false);
  const [secondsLeft, setSecondsLeft] = useState(30);
  const offset = useRef(0);
  const visible = useRef(true);
  const loading = useRef(false);

  const load = useCallback(async () => {
    if (loading.current) return;
    loading.current = true;
    try {
      const next = await call('member.memberCode', {});
      offset.current = Date.parse(next.serverNow) - Date.now();
      setCode(next);
      setFailed(false);
    } catch (err) {
      setFailed(true);
      toastError(err);
    } finally {
      loading.current = false;
    }
  }, []);

  useEffect(() => {
    void load();
    // Keep the screen bright at the counter; WeChat restores it when the page closes.
    if (process.env.TARO_ENV === 'weapp') void Taro.setKeepScreenOn({ keepScreenOn: true }).catch(() => undefined);
  }, [load]);
  useDidShow(() => {
    visible.current = true;
    void load();
  });
  useDidHide(() => {
    visible.current = false;
  });

  useEffect(() => {
    if (!code) return undefined;
    const tick = () => {
      const left = Math.ceil((Date.parse(code.refreshAt) - (Date.now() + offset.current)) / 1000);
      setSecondsLeft(Math.max(0, left));
      if (left <= 0 && visible.current) void load();
    };
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [code, load]);

  if (!code && !failed) return <PageSkeleton />;
  if (!code)
    return <EmptyState status="network" title="会员码加载失败" actionText="重新加载" onAction={() => void load()} />;

  return (
    <View className="page member-code" id="page-member-code">
      <View className="member-code__card">
        <Text className="member-code__title">会员码</Text>
        <Text className="member-code__hint">到店消费时出示，店员扫码或输入数字积分、核销优惠券</Text>
        <Image
          className="member-code__qr"
          id="member-code-qr"
          src={qrDataUrl(code.code)}
          mode="aspectFit"
          data-code={code.code}
        />
        {/* The same code as digits: the counter types them when its camera cannot read the QR. */}
        <Text className="member-code__digits" id="member-code-digits" userSelect>
          {groupDigits(code.digits)}
        </Text>
        <View className="member-code__timer">
          <Text id="member-code-countdown">{secondsLeft}</Text>
          <Text> 秒后自动刷新</Text>
        </View>
        <Button
          className="member-code__refresh"
          id="member-code-refresh"
          size="small"
          fill="outline"
          type="primary"
          onClick={() => void load()}
        >
          立即刷新
        </Button>
      </View>
      <Text className="member-code__note">会员码每 30 秒更新一次，仅限本人使用，请勿截图转发</Text>
    </View>
  );
}
