/** The manager's dashboards and the log of repurchase nudges sent (消息记录). */
import { z } from 'zod';
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

export const managerDashboardActions = {
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
