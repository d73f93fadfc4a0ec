import type { ActionArgs } from '../context';
import { fail, ok, type Result } from '../errors';
import type { ActionOutput } from '../contract';
import { setDisplayName } from './repo/staff.repo';

/**
 * `manager.setStaffName`: the name 员工, 操作日志, the counter, the dashboard and 导购管理 all show
 * for a staff member (the column advisor screens already read). Null clears it back to the nickname.
 */
export async function setStaffName({
  input,
  ctx,
  exec,
}: ActionArgs<'manager.setStaffName'>): Promise<Result<ActionOutput<'manager.setStaffName'>>> {
  const shown = await setDisplayName(exec, { storeId: ctx.storeId, openid: input.openid, name: input.name });
  if (shown === undefined) return fail('NOT_FOUND', '该员工不存在或已撤销', { openid: input.openid });
  return ok({ openid: input.openid, displayName: shown });
}

/** `staff.setMyName`: the same name, set by the staff member themself (their 我的导购码 page). */
export async function setMyName({
  input,
  caller,
  ctx,
  exec,
}: ActionArgs<'staff.setMyName'>): Promise<Result<ActionOutput<'staff.setMyName'>>> {
  const openid = caller.openid!;
  const shown = await setDisplayName(exec, { storeId: ctx.storeId, openid, name: input.name });
  if (shown === undefined) return fail('FORBIDDEN', '仅限门店员工使用');
  return ok({ openid, displayName: shown });
}
