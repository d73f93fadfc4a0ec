import type { ErrorCode } from '../../errors';
import { addMinutes } from '../../shared/time';

/** Per-store group-buy numbers (ARCHITECTURE.md "Group-buy"). */
export const GROUPBUY_RULES = {
  defaultWindowHours: 24,
  minTeamSize: 2,
  maxTeamSize: 10,
} as const;

export interface CampaignFacts {
  status: 'active' | 'stopped';
  startsAt: Date;
  endsAt: Date;
}

export interface TeamFacts {
  status: 'open' | 'succeeded' | 'failed';
  joined: number;
  size: number;
  expiresAt: Date;
}

/** Why a new team may not be opened now, or null. A stopped or ended campaign opens no teams. */
export function openTeamRefusal(c: CampaignFacts, now: Date): ErrorCode | null {
  if (c.status === 'stopped') return 'GROUP_BUY_STOPPED';
  if (now < c.startsAt) return 'GROUP_BUY_NOT_STARTED';
  if (now >= c.endsAt) return 'GROUP_BUY_ENDED';
  return null;
}

/**
 * Why a team may not be joined now, or null. Joining an open team is allowed after the campaign's
 * end (the team keeps its own window) but not once the campaign was stopped.
 */
export function joinTeamRefusal(c: CampaignFacts, t: TeamFacts, now: Date): ErrorCode | null {
  if (c.status === 'stopped') return 'GROUP_BUY_STOPPED';
  if (t.status === 'succeeded' || t.joined >= t.size) return 'GROUP_BUY_TEAM_FULL';
  if (t.status === 'failed' || now >= t.expiresAt) return 'GROUP_BUY_TEAM_EXPIRED';
  return null;
}

/** A team keeps its own window from the moment it opened (the campaign end does not cut it short). */
export function teamExpiry(openedAt: Date, windowHours: number): Date {
  return addMinutes(openedAt, windowHours * 60);
}
