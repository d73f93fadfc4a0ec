/**
 * What an audit row records of an action, read from its input and its answer. Generic on purpose:
 * every staff and manager write is audited by the dispatcher's handler table (handlers.ts), so a new
 * manager action is logged without code of its own. The member code is never logged (it is a
 * credential for its 60 seconds) and neither is an invite token.
 */
const SECRET_FIELDS = new Set(['code', 'inviteToken', 'token', 'qrImage']);
const RESULT_FIELDS = [
  'orderId',
  'orderNo',
  'status',
  'couponId',
  'pointsAwarded',
  'refundId',
  'templateId',
  'inviteId',
  'role',
  'title',
  'handedBack',
  'previousAdvisorOpenid',
  'previousShopId',
  'changed',
] as const;

export interface AuditFacts {
  memberId: string | null;
  amountFen: number | null;
  detail: Record<string, unknown>;
}

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export function auditFacts(input: unknown, output: unknown): AuditFacts {
  const inp = record(input);
  const out = record(output);
  const memberId = [out.memberId, inp.memberId].find((v): v is string => typeof v === 'string') ?? null;
  const amountFen =
    [inp.amountFen, inp.priceFen, out.refundFen, out.costFen].find((v): v is number => typeof v === 'number') ?? null;
  const detail: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(inp)) if (!SECRET_FIELDS.has(k)) detail[k] = v;
  const result: Record<string, unknown> = {};
  for (const k of RESULT_FIELDS) if (out[k] !== undefined) result[k] = out[k];
  if (Object.keys(result).length > 0) detail.result = result;
  return { memberId, amountFen, detail };
}
