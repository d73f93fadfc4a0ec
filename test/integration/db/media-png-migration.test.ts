import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../support/databases';
import type { Db } from '../../../cloudfunctions/core/db/db';

const MIGRATION = readFileSync(
  join(__dirname, '../../../cloudfunctions/core/db/migrations/0024_media_png.sql'),
  'utf8',
);

describeEachDatabase('migration 0024: stored .svg catalog paths become .png', (use) => {
  let db: Db;
  beforeAll(() => {
    db = use();
  });

  it('rewrites product images, category icons and banner images a former seed wrote, and keeps other references', async () => {
    const product = await db.kysely.selectFrom('products').select(['id']).orderBy('id').executeTakeFirstOrThrow();
    const category = await db.kysely.selectFrom('categories').select(['id']).orderBy('id').executeTakeFirstOrThrow();
    const banner = await db.kysely.selectFrom('banners').select(['id']).orderBy('id').executeTakeFirstOrThrow();
    const images = [
      `/media/products/${product.id}/1.svg`,
      `/media/products/${product.id}/2.svg`,
      'https://cdn.example.com/x.svg',
    ];
    await sql`update products set images = ${JSON.stringify(images)}::jsonb where id = ${product.id}`.execute(
      db.kysely,
    );
    await sql`update categories set icon = ${`/media/categories/${category.id}.svg`} where id = ${category.id}`.execute(
      db.kysely,
    );
    await sql`update banners set image = ${`/media/banners/${banner.id}.svg`} where id = ${banner.id}`.execute(
      db.kysely,
    );

    await db.execScript(`begin;\n${MIGRATION}\ncommit;`);

    const p = await db.kysely
      .selectFrom('products')
      .select('images')
      .where('id', '=', product.id)
      .executeTakeFirstOrThrow();
    expect(p.images).toEqual([
      `/media/products/${product.id}/1.png`,
      `/media/products/${product.id}/2.png`,
      'https://cdn.example.com/x.svg',
    ]);
    const c = await db.kysely
      .selectFrom('categories')
      .select('icon')
      .where('id', '=', category.id)
      .executeTakeFirstOrThrow();
    expect(c.icon).toBe(`/media/categories/${category.id}.png`);
    const b = await db.kysely
      .selectFrom('banners')
      .select('image')
      .where('id', '=', banner.id)
      .executeTakeFirstOrThrow();
    expect(b.image).toBe(`/media/banners/${banner.id}.png`);
  });
});
