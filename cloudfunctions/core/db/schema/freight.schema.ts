import type { ColumnType, Generated } from 'kysely';

/** 运费模板 (0031_freight_templates.sql). `rules` is the domain's `FreightRules` as jsonb. */
export interface FreightTables {
  freight_templates: {
    id: string;
    store_id: string;
    name: string;
    charge_by: 'count' | 'weight';
    rules: ColumnType<unknown, string, string>;
    undeliverable: Generated<string[]>;
    version: Generated<number>;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
}
