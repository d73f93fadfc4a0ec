import { Text } from '@tarojs/components';
import { useEffect, useRef, useState } from 'react';

function remainingMs(until: string): number {
  return Math.max(0, new Date(until).getTime() - Date.now());
}

const pad = (n: number) => String(n).padStart(2, '0');

interface Props {
  until: string;
  onEnd?: () => void;
  id?: string;
  className?: string;
  /** HH:mm:ss for windows measured in hours (a group-buy team); mm:ss otherwise (an unpaid order). */
  hours?: boolean;
}

/** Time left until `until`; calls `onEnd` once when it reaches zero. */
export function Countdown({ until, onEnd, id, className, hours = false }: Props) {
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
        endRef.current?.();
      }
    }, 1000);
    return () => clearInterval(timer);
  }, [until]);

  const total = Math.ceil(left / 1000);
  const text = hours
    ? `${pad(Math.floor(total / 3600))}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`
    : `${pad(Math.floor(total / 60))}:${pad(total % 60)}`;
  return (
    <Text className={className} id={id}>
      {text}
    </Text>
  );
}
