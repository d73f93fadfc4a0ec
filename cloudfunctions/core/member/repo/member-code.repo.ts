import type { Executor } from '../../db/db';

/**
 * Records the one use of (member, step). Insert-or-nothing on the primary key: of any number of
 * concurrent scans of one code exactly one inserts; the rest see zero rows and answer MEMBER_CODE_USED.
 */
export async function recordMemberCodeUse(
  exec: Executor,
  use: { memberId: string; step: number; usedAt: Date; usedBy: string | null },
): Promise<boolean> {
  const rows = await exec
    .insertInto('member_code_uses')
    .values({ member_id: use.memberId, step: use.step, used_at: use.usedAt, used_by: use.usedBy })
    .onConflict((oc) => oc.columns(['member_id', 'step']).doNothing())
    .returning('member_id')
    .execute();
  return rows.length === 1;
}

export async function memberExistsInStore(exec: Executor, storeId: string, memberId: string): Promise<boolean> {
  const row = await exec
    .selectFrom('members')
    .select('id')
    .where('id', '=', memberId)
    .where('store_id', '=', storeId)
    .executeTakeFirst();
  return Boolean(row);
}

/** The member of this store holding the eight-digit card number, or null. */
export async function findMemberByCardNo(exec: Executor, storeId: string, cardNo: string): Promise<string | null> {
  const row = await exec
    .selectFrom('members')
    .select('id')
    .where('card_no', '=', cardNo)
    .where('store_id', '=', storeId)
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function findCardNo(exec: Executor, memberId: string): Promise<string> {
  const row = await exec.selectFrom('members').select('card_no').where('id', '=', memberId).executeTakeFirstOrThrow();
  return row.card_no;
}
