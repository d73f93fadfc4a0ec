import { randomUUID } from 'node:crypto';
import type { Db } from '../../../cloudfunctions/core/db/db';
import { callAction, okData } from '../../support/call';

export const STAFF = 'demo-staff';
export const MANAGER = 'demo-manager';
export const NOW = new Date('2026-05-01T08:30:05Z');
export const after = (seconds: number, at = NOW) => new Date(at.getTime() + seconds * 1000);
export const newOpenid = () => `o_${randomUUID().replace(/-/g, '').slice(0, 24)}`;
export const key = () => `k-${randomUUID()}`;
export const receipt = () => `R-${randomUUID().slice(0, 12)}`;

/** A fresh member of `storeId` and their member code at `at`. */
export async function memberWithCode(db: Db, at = NOW, storeId = 'demo') {
  const openid = newOpenid();
  const me = okData(await callAction(db, 'member.me', {}, { openid, now: at, storeId }));
  const { code } = okData(await callAction(db, 'member.memberCode', {}, { openid, now: at, storeId }));
  return { openid, memberId: me.memberId, code };
}

/** As staff (default demo-staff), with a fresh idempotency key. */
export function asStaff<N extends Parameters<typeof callAction>[1]>(
  db: Db,
  name: N,
  data: Parameters<typeof callAction<N>>[2],
  now = NOW,
  openid = STAFF,
) {
  return callAction(db, name, data, { openid, now, idempotencyKey: key() });
}

export function errorOf(envelope: { ok: boolean; error?: { code: string } }): string | null {
  return envelope.ok ? null : envelope.error!.code;
}

export async function auditRows(db: Db, action: string) {
  return db.kysely.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id').execute();
}

/** A second store with the demo store's tiers, for "a code of another store's member". */
export async function makeOtherStore(db: Db, storeId = `other-${randomUUID().slice(0, 6)}`): Promise<string> {
  await db.kysely.insertInto('stores').values({ id: storeId, name: '另一家店' }).execute();
  const tiers = await db.kysely.selectFrom('tiers').selectAll().where('store_id', '=', 'demo').execute();
  await db.kysely
    .insertInto('tiers')
    .values(tiers.map((t) => ({ ...t, store_id: storeId, benefits: JSON.stringify(t.benefits) })))
    .execute();
  return storeId;
}
