import type { ColumnType, Generated } from 'kysely';

/** The home page's featured sections (0033_home_page.sql); banners live with the catalog tables. */
export interface HomePageTables {
  home_sections: {
    id: string;
    store_id: string;
    title: string;
    kind: 'products' | 'newest';
    product_ids: ColumnType<string[], string, string>;
    category_id: string | null;
    newest_count: number | null;
    sort: Generated<number>;
    active: Generated<boolean>;
    created_at: Date;
    updated_at: Date;
  };
}
