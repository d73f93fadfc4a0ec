import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { Button } from '@nutui/nutui-react-taro';
import { call, newIdempotencyKey, toastError } from '../../../api';
import type { TierCelebration } from '../../../../cloudfunctions/core/contract';
import './index.scss';

/**
 * The upgrade celebration: full screen over 我的 until the member taps 知道了, which acknowledges it
 * on the server (so it shows once, on whichever device the member opens first).
 */
export function Celebration({ celebration, onDone }: { celebration: TierCelebration; onDone: () => void }) {
  const [busy, setBusy] = useState(false);
  // The tab bar sits above page content (natively on weapp): hide it while the celebration covers the page.
  useEffect(() => {
    void Taro.hideTabBar({ animation: false }).catch(() => undefined);
    return () => void Taro.showTabBar({ animation: false }).catch(() => undefined);
  }, []);
  const acknowledge = async () => {
    if (busy) return;
    setBusy(true);
    try {
      await call('member.ackCelebration', {}, { idempotencyKey: newIdempotencyKey() });
      onDone();
    } catch (err) {
      toastError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="celebration" id="celebration" catchMove>
      <View className="celebration__burst" />
      <View className="celebration__card">
        <Text className="celebration__kicker">恭喜升级</Text>
        <Text className="celebration__tier" id="celebration-tier">
          {celebration.toTier.name}
        </Text>
        <Text className="celebration__from">
          由 {celebration.fromTier.name} 升级为 {celebration.toTier.name}
        </Text>
        <Text className="celebration__text">更低的会员价、更多积分倍率已为你开启</Text>
        <Button
          className="celebration__ok"
          id="celebration-ok"
          type="primary"
          block
          loading={busy}
          onClick={() => void acknowledge()}
        >
          知道了
        </Button>
      </View>
    </View>
  );
}
