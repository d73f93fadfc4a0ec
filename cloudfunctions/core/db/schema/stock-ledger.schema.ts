import type { Generated } from 'kysely';

/** Each SKU's initial stock and the manager's stock edits (0015_stock_baselines.sql). */
export interface StockLedgerTables {
  sku_stock_baselines: {
    sku_id: string;
    initial_stock: number;
    source: 'created' | 'backfill';
    recorded_at: Generated<Date>;
  };
  sku_stock_adjustments: {
    id: Generated<number>;
    sku_id: string;
    delta: number;
    stock_from: number;
    stock_to: number;
    adjusted_by: string;
    created_at: Date;
  };
}
