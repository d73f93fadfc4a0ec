import { contract, type ActionInput, type ActionName, type ActionOutput } from '../contract';
import type { ServiceArgs } from '../context';
import { ok, type Result } from '../errors';
import { auditFacts } from './domain/audit-facts';
import { auditPage, insertAudit } from '../audit/audit.repo';

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

/** `manager.listAudit`: newest first, 30 a page. */
export async function listAudit({
  input,
  ctx,
  exec,
}: ServiceArgs<ActionInput<'manager.listAudit'>>): Promise<Result<ActionOutput<'manager.listAudit'>>> {
  const before = input.cursor && /^\d+$/.test(input.cursor) ? input.cursor : null;
  const rows = await auditPage(exec, ctx.storeId, before, PAGE + 1);
  const page = rows.slice(0, PAGE);
  return ok({
    items: page.map((r) => ({
      id: String(r.id),
      who: r.who,
      whoNickname: r.who_nickname,
      role: r.role,
      action: r.action,
      memberId: r.member_id,
      memberNickname: r.member_nickname,
      amountFen: r.amount_fen as ActionOutput<'manager.listAudit'>['items'][number]['amountFen'],
      detail: (r.detail ?? {}) as Record<string, unknown>,
      createdAt: r.created_at.toISOString(),
    })),
    nextCursor: rows.length > PAGE ? String(page[page.length - 1]!.id) : null,
  });
}
