import type { NudgeSettings } from './domain/settings';
import { findTrigger } from './triggers/registry';
import type { NudgeMessage } from './triggers/trigger';

/** A nudge's message from its trigger's facts (the sender and the message log render the same way). */
export function renderNudge(
  code: string,
  detail: Record<string, unknown>,
  settings: Pick<NudgeSettings, 'triggerArgs'>,
): NudgeMessage {
  const trigger = findTrigger(code);
  if (!trigger) return { page: 'pages/home/index', title: '会员提醒', body: '点击查看' };
  const parsed = trigger.args.safeParse(settings.triggerArgs[code] ?? {});
  return trigger.message(detail, parsed.success ? parsed.data : trigger.args.parse({}));
}
