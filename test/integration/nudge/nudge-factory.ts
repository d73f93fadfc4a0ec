import type { Db } from '../../../cloudfunctions/core/db/db';
import { DEFAULT_NUDGE_SETTINGS } from '../../../cloudfunctions/core/nudge/domain/settings';
import { runNudgeTimer } from '../../../cloudfunctions/core/nudge/nudge-run.service';
import { runOutboxWorker } from '../../../cloudfunctions/core/outbox/outbox-worker';
import type { LocalPlatform } from '../../../cloudfunctions/core/platform/local/local-platform';
import { callAction, okData } from '../../support/call';
import { jobContext, newKey } from '../order/order-factory';

const TEMPLATE = DEFAULT_NUDGE_SETTINGS.templateId;
/** A 30-day repurchase cycle (玻尿酸补水面膜) and a 90-day one (套装). */
export const MASK = 'sku-hyaluronic-sheet-mask-1';
export const SET_90 = 'sku-hydration-routine-set-1';
export const at = (shanghai: string) => new Date(`${shanghai}+08:00`);

/** The member accepts the nudge template `times` times (one send each). */
export async function grant(db: Db, openid: string, now: Date, times = 1): Promise<void> {
  for (let i = 0; i < times; i++)
    okData(
      await callAction(
        db,
        'member.grantSubscriptions',
        { accepted: [TEMPLATE] },
        { openid, now, idempotencyKey: newKey() },
      ),
    );
}

export const runNudges = (db: Db, now: Date) => runNudgeTimer(jobContext(db, now));
export const deliver = (db: Db, now: Date, platform: LocalPlatform) => runOutboxWorker(jobContext(db, now, platform));

export async function nudgesOf(db: Db, openid: string) {
  return db.kysely
    .selectFrom('nudges as n')
    .innerJoin('members as m', 'm.id', 'n.member_id')
    .selectAll('n')
    .where('m.openid', '=', openid)
    .orderBy('n.id')
    .execute();
}

export async function quotaOf(db: Db, openid: string): Promise<number> {
  const row = await db.kysely
    .selectFrom('subscribe_quotas as q')
    .innerJoin('members as m', 'm.id', 'q.member_id')
    .select('q.remaining')
    .where('m.openid', '=', openid)
    .where('q.template_id', '=', TEMPLATE)
    .executeTakeFirst();
  return row?.remaining ?? 0;
}

export async function setNudgeSettings(
  db: Db,
  values: { cap_days?: number; trigger_args?: Record<string, unknown> },
): Promise<void> {
  await db.kysely
    .insertInto('nudge_settings')
    .values({
      store_id: 'demo',
      cap_days: values.cap_days ?? null,
      trigger_args: JSON.stringify(values.trigger_args ?? {}),
    })
    .onConflict((oc) =>
      oc
        .column('store_id')
        .doUpdateSet({ cap_days: values.cap_days ?? null, trigger_args: JSON.stringify(values.trigger_args ?? {}) }),
    )
    .execute();
}
