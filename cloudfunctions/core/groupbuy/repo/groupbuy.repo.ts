import { sql } from 'kysely';
import type { Executor } from '../../db/db';
import type { GroupBuyOrderInfo } from '../../contract';

export async function findCampaign(exec: Executor, storeId: string, campaignId: string) {
  return exec
    .selectFrom('groupbuy_campaigns')
    .selectAll()
    .where('id', '=', campaignId)
    .where('store_id', '=', storeId)
    .executeTakeFirst();
}

export type CampaignRow = NonNullable<Awaited<ReturnType<typeof findCampaign>>>;

export async function findTeam(exec: Executor, teamId: string) {
  return exec.selectFrom('groupbuy_teams').selectAll().where('id', '=', teamId).executeTakeFirst();
}

export type TeamRow = NonNullable<Awaited<ReturnType<typeof findTeam>>>;

/** Takes one seat of the campaign's stock cap: the conditional update is the lock. */
export async function takeCampaignSeat(tx: Executor, campaignId: string): Promise<boolean> {
  const r = await tx
    .updateTable('groupbuy_campaigns')
    .set((eb) => ({ seats_sold: eb('seats_sold', '+', 1) }))
    .where('id', '=', campaignId)
    .where(sql<boolean>`seats_sold < stock_cap`)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function giveBackCampaignSeats(tx: Executor, campaignId: string, seats: number): Promise<void> {
  if (seats <= 0) return;
  await tx
    .updateTable('groupbuy_campaigns')
    .set((eb) => ({ seats_sold: eb('seats_sold', '-', seats) }))
    .where('id', '=', campaignId)
    .execute();
}

/** The per-member limit as one conditional upsert: a member's concurrent payments queue on the row. */
export async function takeMemberSeat(
  tx: Executor,
  campaignId: string,
  memberId: string,
  limit: number,
): Promise<boolean> {
  const rows = await tx
    .insertInto('groupbuy_member_seats')
    .values({ campaign_id: campaignId, member_id: memberId, seats: 1 })
    .onConflict((oc) =>
      oc
        .columns(['campaign_id', 'member_id'])
        .doUpdateSet({ seats: sql`groupbuy_member_seats.seats + 1` })
        .where(sql<boolean>`groupbuy_member_seats.seats < ${limit}`),
    )
    .returning('seats')
    .execute();
  return rows.length === 1;
}

export async function giveBackMemberSeats(
  tx: Executor,
  campaignId: string,
  memberIds: readonly string[],
): Promise<void> {
  for (const memberId of memberIds) {
    await tx
      .updateTable('groupbuy_member_seats')
      .set((eb) => ({ seats: eb('seats', '-', 1) }))
      .where('campaign_id', '=', campaignId)
      .where('member_id', '=', memberId)
      .where('seats', '>', 0)
      .execute();
  }
}

export async function memberSeats(exec: Executor, campaignId: string, memberId: string): Promise<number> {
  const row = await exec
    .selectFrom('groupbuy_member_seats')
    .select('seats')
    .where('campaign_id', '=', campaignId)
    .where('member_id', '=', memberId)
    .executeTakeFirst();
  return row?.seats ?? 0;
}

/**
 * The seat itself: `joined < size AND status = 'open' AND expires_at > now` in one update, so a team
 * is never over its size however many payments race. Returns the new count, or null if no seat.
 */
export async function takeTeamSeat(
  tx: Executor,
  teamId: string,
  now: Date,
): Promise<{ joined: number; size: number } | null> {
  const row = await tx
    .updateTable('groupbuy_teams')
    .set((eb) => ({ joined: eb('joined', '+', 1) }))
    .where('id', '=', teamId)
    .where(sql<boolean>`joined < size`)
    .where('status', '=', 'open')
    .where('expires_at', '>', now)
    .returning(['joined', 'size'])
    .executeTakeFirst();
  return row ?? null;
}

export async function isMemberOfTeam(exec: Executor, teamId: string, memberId: string): Promise<boolean> {
  const row = await exec
    .selectFrom('groupbuy_team_members')
    .select('order_id')
    .where('team_id', '=', teamId)
    .where('member_id', '=', memberId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function teamMembers(exec: Executor, teamIds: readonly string[]) {
  if (teamIds.length === 0) return [];
  return exec
    .selectFrom('groupbuy_team_members as tm')
    .innerJoin('members as m', 'm.id', 'tm.member_id')
    .select(['tm.team_id', 'tm.order_id', 'tm.member_id', 'tm.seat', 'tm.joined_at', 'm.nickname', 'm.avatar_url'])
    .where('tm.team_id', 'in', [...teamIds])
    .orderBy('tm.seat')
    .execute();
}

/** Moves a team out of `open` once: the caller that wins gets the row, every other caller null. */
export async function finishTeam(
  tx: Executor,
  teamId: string,
  to: 'succeeded' | 'failed',
  opts: { virtual: boolean; now: Date; onlyExpired: boolean },
) {
  let q = tx
    .updateTable('groupbuy_teams')
    .set({ status: to, virtual: opts.virtual, finished_at: opts.now })
    .where('id', '=', teamId)
    .where('status', '=', 'open');
  if (opts.onlyExpired) q = q.where('expires_at', '<=', opts.now);
  return (await q.returningAll().executeTakeFirst()) ?? null;
}

/** Writes the group-buy record the order view shows (campaign, team, outcome). */
export async function setOrderGroupBuy(
  tx: Executor,
  orderIds: readonly string[],
  info: Partial<GroupBuyOrderInfo>,
): Promise<void> {
  if (orderIds.length === 0) return;
  await tx
    .updateTable('orders')
    .set({ group_buy: sql`coalesce(group_buy, '{}'::jsonb) || ${JSON.stringify(info)}::jsonb` as never })
    .where('id', 'in', [...orderIds])
    .execute();
}

/** Campaign id -> how many of its teams are open and unexpired at `now`. */
export async function openTeamCounts(exec: Executor, storeId: string, now: Date): Promise<Map<string, number>> {
  const rows = await exec
    .selectFrom('groupbuy_teams')
    .select(['campaign_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('store_id', '=', storeId)
    .where('status', '=', 'open')
    .where('expires_at', '>', now)
    .groupBy('campaign_id')
    .execute();
  return new Map(rows.map((r) => [r.campaign_id, Number(r.n)]));
}

/** The campaign's open, unexpired teams, soonest to expire first. */
export async function joinableTeams(exec: Executor, campaignId: string, now: Date, limit: number) {
  return exec
    .selectFrom('groupbuy_teams')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .where('status', '=', 'open')
    .where('expires_at', '>', now)
    .orderBy('expires_at')
    .limit(limit)
    .execute();
}

/** A new team with its leader's seat taken (`joined` 1). */
export async function insertTeam(
  tx: Executor,
  t: { id: string; storeId: string; campaignId: string; leaderId: string; size: number; now: Date; expiresAt: Date },
): Promise<void> {
  await tx
    .insertInto('groupbuy_teams')
    .values({
      id: t.id,
      store_id: t.storeId,
      campaign_id: t.campaignId,
      leader_id: t.leaderId,
      size: t.size,
      joined: 1,
      created_at: t.now,
      expires_at: t.expiresAt,
      finished_at: null,
    })
    .execute();
}

/** The paid order's seat in its team (`seat` is the team's `joined` after taking it). */
export async function insertTeamMember(
  tx: Executor,
  m: { teamId: string; orderId: string; memberId: string; seat: number; now: Date },
): Promise<void> {
  await tx
    .insertInto('groupbuy_team_members')
    .values({ team_id: m.teamId, order_id: m.orderId, member_id: m.memberId, seat: m.seat, joined_at: m.now })
    .execute();
}

export async function findExpiredOpenTeams(exec: Executor, now: Date, limit: number) {
  return exec
    .selectFrom('groupbuy_teams')
    .select('id')
    .where('status', '=', 'open')
    .where('expires_at', '<=', now)
    .orderBy('expires_at')
    .limit(limit)
    .execute();
}

/**
 * The open team in which this order holds a seat, or null (no seat: a refused payment; or the team
 * already succeeded or failed). Teams never reopen, so a "not open" answer cannot go stale.
 */
export async function openTeamSeatOf(exec: Executor, orderId: string): Promise<string | null> {
  const row = await exec
    .selectFrom('groupbuy_team_members as tm')
    .innerJoin('groupbuy_teams as t', 't.id', 'tm.team_id')
    .select('t.id')
    .where('tm.order_id', '=', orderId)
    .where('t.status', '=', 'open')
    .executeTakeFirst();
  return row?.id ?? null;
}
