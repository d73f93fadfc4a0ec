import { Text } from '@tarojs/components';
import { useEffect, useRef, useState } from 'react';

const pad = (n: number) => String(n).padStart(2, '0');

/** HH:mm:ss until `until` (a team's window is hours long); calls `onEnd` once at zero. */
export function TeamCountdown({ until, onEnd, id }: { until: string; onEnd?: () => void; id?: string }) {
  const left = () => Math.max(0, new Date(until).getTime() - Date.now());
  const [ms, setMs] = useState(left);
  const endRef = useRef(onEnd);
  endRef.current = onEnd;

  useEffect(() => {
    setMs(left());
    const timer = setInterval(() => {
      const now = left();
      setMs(now);
      if (now === 0) {
        clearInterval(timer);
        endRef.current?.();
      }
    }, 1000);
    return () => clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [until]);

  const s = Math.ceil(ms / 1000);
  return <Text className="gb-countdown" id={id}>{`${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`}</Text>;
}
