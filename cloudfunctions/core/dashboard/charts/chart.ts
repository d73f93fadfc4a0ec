import type { ChartView } from '../../contract';
import type { Executor } from '../../db/db';

/**
 * A dashboard chart provider: a registry entry, one small file each. `load` answers the chart's
 * numbers in SQL for the store; the page draws any provider by its `kind`, so a new chart
 * (the referral funnel, the group-buy success rate) is one file plus one line in the registry.
 */
export interface ChartProvider {
  code: string;
  title: string;
  load(exec: Executor, q: { storeId: string; now: Date }): Promise<Omit<ChartView, 'code' | 'title'>>;
}

export const percent = (part: number, whole: number): number =>
  whole > 0 ? Math.round((part * 1000) / whole) / 10 : 0;
