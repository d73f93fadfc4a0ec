import type { Insertable } from 'kysely';
import type { Executor } from '../../db/db';
import type { Database } from '../../db/schema';

/** One report from WeChat's confirm-receipt component, as it was judged. */
export async function insertWechatReceipt(exec: Executor, row: Insertable<Database['wechat_receipts']>): Promise<void> {
  await exec.insertInto('wechat_receipts').values(row).execute();
}

/** An order's reports, oldest first (tests and the operator). */
export async function findWechatReceipts(exec: Executor, orderId: string) {
  return exec
    .selectFrom('wechat_receipts')
    .selectAll()
    .where('order_id', '=', orderId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
