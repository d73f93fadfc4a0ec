import { inShanghai } from '../../shared/time';

/** A store's nudge rules; every number is configurable per store (table nudge_settings). */
export interface NudgeSettings {
  /** The subscribe-message template every nudge uses; members' quotas are counted per template. */
  templateId: string;
  /** At most one nudge per member within this many days. */
  capDays: number;
  /** Quiet hours, Asia/Shanghai: no send from quietStartHour:00 until quietEndHour:00. */
  quietStartHour: number;
  quietEndHour: number;
  /** Per trigger code: its args and `enabled: false` to switch it off. */
  triggerArgs: Record<string, Record<string, unknown> | undefined>;
}

export const DEFAULT_NUDGE_SETTINGS: NudgeSettings = {
  // Local mode's template id; in WeChat set NUDGE_TEMPLATE_ID (and list it in SUBSCRIBE_TEMPLATE_IDS so the pay page asks for it).
  templateId: 'local-nudge-reminder',
  capDays: 7,
  quietStartHour: 21,
  quietEndHour: 9,
  triggerArgs: {},
};

/** Whether `at` falls in the quiet hours (the window may wrap midnight, as 21:00-09:00 does). */
export function isQuietHour(at: Date, s: Pick<NudgeSettings, 'quietStartHour' | 'quietEndHour'>): boolean {
  const hour = inShanghai(at).hour();
  if (s.quietStartHour === s.quietEndHour) return false;
  return s.quietStartHour > s.quietEndHour
    ? hour >= s.quietStartHour || hour < s.quietEndHour
    : hour >= s.quietStartHour && hour < s.quietEndHour;
}

/** The first moment at or after `at` that is outside the quiet hours (where a deferred send goes). */
export function quietHoursEnd(at: Date, s: Pick<NudgeSettings, 'quietStartHour' | 'quietEndHour'>): Date {
  if (!isQuietHour(at, s)) return at;
  let end = inShanghai(at).hour(s.quietEndHour).minute(0).second(0).millisecond(0);
  if (!end.isAfter(inShanghai(at))) end = end.add(1, 'day');
  return end.toDate();
}
