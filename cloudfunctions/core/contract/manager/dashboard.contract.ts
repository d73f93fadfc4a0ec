/** The manager's dashboards and the log of repurchase nudges sent (消息记录). */
import { z } from 'zod';
import type { Fen } from '../../shared/money';
import { action } from '../action';

export type NudgeStatus = 'queued' | 'sent' | 'refused' | 'failed';

/** One row of 消息记录: a nudge to a member and its outcome. */
export interface NudgeRecord {
  nudgeId: string;
  memberNickname: string;
  trigger: string;
  triggerTitle: string;
  status: NudgeStatus;
  /** The message as sent (or as it will be sent): thing1 / thing2 and the page it opens. */
  title: string;
  body: string;
  page: string;
  /** WeChat's refusal or error code, when there was one. */
  errcode: number | null;
  createdAt: string;
  sentAt: string | null;
  /** The member paid an order within 7 days of the send. */
  converted: boolean;
}

/**
 * One chart, in numbers a generic renderer draws: `bars` (one bar per row), `pairs` (value and
 * secondary side by side, e.g. sent and converted), `funnel` (rows are stages, in order).
 */
export interface ChartView {
  code: string;
  title: string;
  kind: 'bars' | 'pairs' | 'funnel';
  /** What `value` counts: 人, %, 条 ... */
  unit: string;
  valueLabel?: string;
  secondaryLabel?: string;
  rows: Array<{ label: string; value: number; secondary?: number; hint?: string }>;
  note?: string;
}

/**
 * 管理后台's opening figures for the business day (Asia/Shanghai midnight to midnight) holding `now`:
 * orders paid that day (their payable, refunds not deducted) and the queues waiting on the store now.
 */
export interface ManagerSummary {
  /** The business day, YYYY-MM-DD in Shanghai. */
  day: string;
  salesFen: Fen;
  orderCount: number;
  /** salesFen / orderCount rounded to the fen; 0 without orders. */
  averageFen: Fen;
  /** Orders paid and not yet shipped or prepared (the 待发货 tab). */
  toShip: number;
  /** After-sale requests waiting for a decision (售后审核 待审核). */
  refundsToReview: number;
  /** Pickup orders ready and not yet collected (the 待自提 tab). */
  toPickUp: number;
}

export const managerDashboardActions = {
  'manager.summary': action<ManagerSummary>()({
    input: z.object({}).strict(),
    role: 'manager',
  }),
  'manager.dashboard': action<{ charts: ChartView[]; generatedAt: string }>()({
    input: z.object({}).strict(),
    role: 'manager',
  }),
  'manager.messages': action<{ items: NudgeRecord[]; nextCursor: string | null }>()({
    input: z
      .object({
        status: z.enum(['queued', 'sent', 'refused', 'failed']).optional(),
        cursor: z
          .string()
          .regex(/^\d{1,18}$/)
          .optional(),
      })
      .strict(),
    role: 'manager',
  }),
} as const;
