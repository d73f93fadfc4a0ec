import { create } from 'zustand';
import { readStored, writeStored } from './storage';

const KEY = 'session.devOpenid';

function randomOpenid(): string {
  return `h5-${Math.random().toString(36).slice(2, 10)}`;
}

function initialOpenid(): string {
  if (process.env.TARO_ENV !== 'h5') return '';
  const stored = readStored<string>(KEY, '');
  if (stored) return stored;
  const fresh = randomOpenid();
  writeStored(KEY, fresh);
  return fresh;
}

interface SessionState {
  /** H5 local mode only: the dev sign-in id sent as `X-Dev-Openid` (the server decides who that is). */
  openid: string;
  switchOpenid: (openid: string) => void;
}

export const useSession = create<SessionState>((set) => ({
  openid: initialOpenid(),
  switchOpenid: (openid) => {
    const next = openid.trim();
    if (!next) return;
    writeStored(KEY, next);
    set({ openid: next });
  },
}));
