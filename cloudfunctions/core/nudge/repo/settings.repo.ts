import type { Executor } from '../../db/db';
import { DEFAULT_NUDGE_SETTINGS, type NudgeSettings } from '../domain/settings';

/** The store's nudge settings: its row (店铺设置) over the defaults; for the template, NUDGE_TEMPLATE_ID (deployment) between the two. */
export async function loadNudgeSettings(
  exec: Executor,
  storeId: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<NudgeSettings> {
  const row = await exec.selectFrom('nudge_settings').selectAll().where('store_id', '=', storeId).executeTakeFirst();
  const d = DEFAULT_NUDGE_SETTINGS;
  return {
    templateId: row?.template_id || env.NUDGE_TEMPLATE_ID || d.templateId,
    capDays: row?.cap_days ?? d.capDays,
    quietStartHour: row?.quiet_start_hour ?? d.quietStartHour,
    quietEndHour: row?.quiet_end_hour ?? d.quietEndHour,
    triggerArgs: (row?.trigger_args as NudgeSettings['triggerArgs'] | undefined) ?? {},
  };
}
