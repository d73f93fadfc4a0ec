import type { NudgeMessage } from '../triggers/trigger';

/** WeChat's `thing` keyword holds at most 20 characters. */
const THING_MAX = 20;

export function clip(text: string, max = THING_MAX): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/**
 * The template data of a nudge. The nudge template is expected to have `thing1` (what),
 * `thing2` (note) and `time3` (date); set the template id per store or with NUDGE_TEMPLATE_ID.
 */
export function templateData(message: NudgeMessage, sentDate: string): Record<string, { value: string }> {
  return { thing1: { value: clip(message.title) }, thing2: { value: clip(message.body) }, time3: { value: sentDate } };
}
