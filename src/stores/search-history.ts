import { create } from 'zustand';
import { readStored, writeStored } from './storage';

const KEY = 'search.history';
/** The most recent searches kept on this device. */
const KEEP = 10;

interface SearchHistoryState {
  /** Most recent first, each keyword once. */
  keywords: string[];
  remember: (keyword: string) => void;
  clear: () => void;
}

export const useSearchHistory = create<SearchHistoryState>((set, get) => ({
  keywords: readStored<string[]>(KEY, []),
  remember: (keyword) => {
    const k = keyword.trim();
    if (k) set({ keywords: [k, ...get().keywords.filter((x) => x !== k)].slice(0, KEEP) });
  },
  clear: () => set({ keywords: [] }),
}));

useSearchHistory.subscribe((s) => writeStored(KEY, s.keywords));
