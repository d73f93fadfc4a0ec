import { inShanghai } from '../../shared/time';

/** The budget month of an instant: the Asia/Shanghai calendar month, `YYYY-MM`. */
export function budgetMonth(at: Date): string {
  return inShanghai(at).format('YYYY-MM');
}

/** The Shanghai month `YYYY-MM` as its `MM` (birthdays are compared by month only). */
export function monthOfYear(at: Date): string {
  return inShanghai(at).format('MM');
}
