import { Text } from '@tarojs/components';
import { useEffect, useRef, useState } from 'react';

function remainingMs(until: string): number {
  return Math.max(0, new Date(until).getTime() - Date.now());
}

/** mm:ss until `until`; calls `onEnd` once when it reaches zero. */
export function Countdown({ until, onEnd, id }: { until: string; onEnd: () => void; id?: string }) {
  const [left, setLeft] = useState(() => remainingMs(until));
  const ended = useRef(false);
  const endRef = useRef(onEnd);
  endRef.current = onEnd;

  useEffect(() => {
    ended.current = false;
    setLeft(remainingMs(until));
    const timer = setInterval(() => {
      const ms = remainingMs(until);
      setLeft(ms);
      if (ms === 0 && !ended.current) {
        ended.current = true;
        clearInterval(timer);
        endRef.current();
      }
    }, 1000);
    return () => clearInterval(timer);
  }, [until]);

  const total = Math.ceil(left / 1000);
  const mm = String(Math.floor(total / 60)).padStart(2, '0');
  const ss = String(total % 60).padStart(2, '0');
  return <Text id={id}>{`${mm}:${ss}`}</Text>;
}
