import { contract, type ActionInput, type ActionName, type ActionOutput } from '../contract';
import type { ServiceArgs } from '../context';
import { fail, ok, type Result } from '../errors';
import { auditFacts } from './domain/audit-facts';
import { auditFilterOptions, auditPage, insertAudit } from '../audit/audit.repo';

type AnyHandler = (args: ServiceArgs<unknown>) => Promise<Result<unknown>>;

/** Whether an action is a staff or manager write, and so audited. */
function isAudited(name: ActionName): boolean {
  const spec = contract[name];
  return Boolean(spec.mutating) && (spec.role === 'staff' || spec.role === 'manager');
}

/**
 * Wraps every staff and manager write so that a success appends its audit row in the action's own
 * transaction (the idempotent one): the change and its record commit or roll back together, and a
 * replayed call (answered from the idempotency store) is not logged twice.
 */
export function withAuditLog<H extends object>(useCases: H): H {
  const wrapped: Record<string, AnyHandler> = { ...(useCases as Record<string, AnyHandler>) };
  for (const name of Object.keys(wrapped) as ActionName[]) {
    if (!isAudited(name)) continue;
    const inner = wrapped[name]!;
    wrapped[name] = async (a) => {
      const result = await inner(a);
      if (result.ok) {
        await insertAudit(a.exec, {
          storeId: a.ctx.storeId,
          who: a.caller.openid!,
          role: a.caller.role === 'manager' ? 'manager' : 'staff',
          action: name,
          ...auditFacts(a.input, result.data),
          at: a.ctx.now,
        });
      }
      return result;
    };
  }
  return wrapped as H;
}

const PAGE = 30;

/** The cursor is the last row's time and id: `2026-05-01T08:30:05.000Z|123`. */
function decodeCursor(cursor: string | undefined): { at: Date; id: string } | null | undefined {
  if (!cursor) return null;
  const m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)\|(\d{1,18})$/.exec(cursor);
  const at = m ? new Date(m[1]!) : null;
  return at && !Number.isNaN(at.getTime()) ? { at, id: m![2]! } : undefined;
}

/** `manager.listAudit`: newest first, 30 a page, narrowed to one action kind or one staff member. */
export async function listAudit({
  input,
  ctx,
  exec,
}: ServiceArgs<ActionInput<'manager.listAudit'>>): Promise<Result<ActionOutput<'manager.listAudit'>>> {
  const before = decodeCursor(input.cursor);
  if (before === undefined) return fail('VALIDATION_FAILED', '分页参数无效', { field: 'cursor' });
  const rows = await auditPage(exec, {
    storeId: ctx.storeId,
    before,
    action: input.action ?? null,
    who: input.who ?? null,
    limit: PAGE + 1,
  });
  const page = rows.slice(0, PAGE);
  const last = page[page.length - 1];
  const options = await auditFilterOptions(exec, ctx.storeId);
  return ok({
    items: page.map((r) => ({
      id: String(r.id),
      who: r.who,
      whoNickname: r.who_nickname,
      role: r.role,
      action: r.action,
      memberId: r.member_id,
      memberNickname: r.member_nickname,
      orderNo: r.order_no,
      amountFen: r.amount_fen as ActionOutput<'manager.listAudit'>['items'][number]['amountFen'],
      detail: (r.detail ?? {}) as Record<string, unknown>,
      createdAt: r.created_at.toISOString(),
    })),
    nextCursor: rows.length > PAGE && last ? `${last.created_at.toISOString()}|${String(last.id)}` : null,
    ...options,
  });
}
