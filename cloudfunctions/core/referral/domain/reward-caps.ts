import { inShanghai } from '../../shared/time';

/** The Shanghai calendar day and month containing `at`, as [from, to) instants. */
export function capWindows(at: Date): { day: [Date, Date]; month: [Date, Date] } {
  const local = inShanghai(at);
  const day = local.startOf('day');
  const month = local.startOf('month');
  return {
    day: [day.toDate(), day.add(1, 'day').toDate()],
    month: [month.toDate(), month.add(1, 'month').toDate()],
  };
}

export type CapReason = 'daily_cap' | 'monthly_cap';

/** Whether one more reward fits under the caps, given the rewards already granted in each window. */
export function capReached(
  granted: { today: number; thisMonth: number },
  caps: { dailyCap: number; monthlyCap: number },
): CapReason | null {
  if (granted.today >= caps.dailyCap) return 'daily_cap';
  if (granted.thisMonth >= caps.monthlyCap) return 'monthly_cap';
  return null;
}
