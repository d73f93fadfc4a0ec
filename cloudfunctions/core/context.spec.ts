import { describe, expect, expectTypeOf, it } from 'vitest';
import type { ActionInput } from './contract';
import { requireMember, type ActionArgs, type Caller, type MemberArgs, type MemberCaller } from './context';
import type { Handler } from './handlers';

describe('requireMember: the caller of an action above `any`', () => {
  it('narrows a signed-in caller with a member row, keeping who they are', () => {
    const caller: Caller = { openid: 'o-1', role: 'staff', memberId: 'm-1' };
    const member = requireMember(caller);
    expect(member).toEqual({ ok: true, data: { openid: 'o-1', role: 'staff', memberId: 'm-1' } });
    if (!member.ok) throw new Error('expected a member');
    expectTypeOf(member.data.memberId).toEqualTypeOf<string>();
    expectTypeOf(member.data.openid).toEqualTypeOf<string>();
  });

  it.each<[string, Caller]>([
    ['anonymous', { openid: null, role: 'any', memberId: null }],
    ['signed in without a member row', { openid: 'o-1', role: 'customer', memberId: null }],
    ['a member id without an openid', { openid: null, role: 'customer', memberId: 'm-1' }],
    ['the role `any`', { openid: 'o-1', role: 'any', memberId: 'm-1' }],
  ])('answers %s with the not-signed-in error', (_case, caller) => {
    expect(requireMember(caller)).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } });
  });
});

/** A use case typed to need the member, for action N. */
type NeedsMember<N extends 'order.get' | 'catalog.home'> = (args: MemberArgs<ActionInput<N>>) => ReturnType<Handler<N>>;

// Never called: these lines only have to compile (or, where marked, fail to compile).
export function typedCallers(
  caller: Caller,
  needsMember: NeedsMember<'order.get'>,
  wrongPlace: NeedsMember<'catalog.home'>,
) {
  expectTypeOf<ActionArgs<'order.get'>['caller']>().toEqualTypeOf<MemberCaller>();
  expectTypeOf<ActionArgs<'manager.listOrders'>['caller']>().toEqualTypeOf<MemberCaller>();
  expectTypeOf<ActionArgs<'catalog.home'>['caller']>().toEqualTypeOf<Caller>();
  expectTypeOf(caller.memberId).toEqualTypeOf<string | null>();
  // A use case that needs the member serves an action above `any`...
  const served: Handler<'order.get'> = needsMember;
  // @ts-expect-error ...and cannot be registered for an action open to anyone (its caller may have no member).
  const refused: Handler<'catalog.home'> = wrongPlace;
  // @ts-expect-error a plain caller is not a member until requireMember says so
  const member: MemberCaller = caller;
  return [served, refused, member];
}
