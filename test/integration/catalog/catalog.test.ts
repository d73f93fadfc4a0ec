import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../support/databases';
import { callAction, okData } from '../../support/call';
import { demoStore } from '../../../cloudfunctions/core/db/seed/demo-store.data';

describeEachDatabase('catalog', (use) => {
  it('home shows banners, every category and featured products to an anonymous visitor', async () => {
    const home = okData(await callAction(use(), 'catalog.home', {}, { openid: null }));
    expect(home.banners.length).toBe(demoStore.banners.length);
    expect(home.categories.map((c) => c.id)).toEqual(
      [...demoStore.categories].sort((a, b) => a.sort - b.sort).map((c) => c.id),
    );
    expect(home.featured.length).toBeGreaterThan(0);
    expect(home.featured.every((p) => demoStore.products.find((d) => d.id === p.id)?.featured)).toBe(true);
  });

  it('paging through the whole catalog returns every product on sale exactly once', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = okData(await callAction(use(), 'catalog.listProducts', { limit: 7, cursor }, { openid: null }));
      seen.push(...page.items.map((p) => p.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.length).toBe(new Set(seen).size);
    expect(new Set(seen)).toEqual(new Set(demoStore.products.map((p) => p.id)));
  });
});
