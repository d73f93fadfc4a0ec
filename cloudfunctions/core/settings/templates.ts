import type { Executor } from '../db/db';
import { currentSettings } from './settings.service';

/**
 * Subscribe-message template ids as the store set them; a field left empty falls back to the
 * deployment's environment variable (its value before settings existed), then to none.
 */
export interface TemplateIds {
  subscribeAfterPay: string[];
  groupbuySuccess: string | null;
  groupbuyFailed: string | null;
  restock: string | null;
}

function envList(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .slice(0, 3);
}

export async function templateIds(
  exec: Executor,
  storeId: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<TemplateIds> {
  const t = (await currentSettings(exec, storeId)).settings.templates;
  return {
    subscribeAfterPay: t.subscribeAfterPay.length > 0 ? t.subscribeAfterPay : envList(env.SUBSCRIBE_TEMPLATE_IDS),
    groupbuySuccess: t.groupbuySuccess || env.GROUPBUY_SUCCESS_TEMPLATE_ID?.trim() || null,
    groupbuyFailed: t.groupbuyFailed || env.GROUPBUY_FAILED_TEMPLATE_ID?.trim() || null,
    restock: t.restock || env.RESTOCK_TEMPLATE_ID?.trim() || null,
  };
}
