import { expect, it } from 'vitest';
import type { ActionInput } from '../../../cloudfunctions/core/contract';
import type { Db } from '../../../cloudfunctions/core/db/db';
import { describeEachDatabase, tableCounts } from '../../support/databases';
import { callAction, okData } from '../../support/call';
import { errorCode, MANAGER, newKey, T0, daysAfter } from '../order/order-factory';
import { renditionOf } from '../../../cloudfunctions/core/catalog';

const SERUM = 'p-cica-b5-repair-serum';
const CLEANSER = 'p-amino-acid-cleanser';
const SUNSCREEN = 'p-tinted-tone-up-sunscreen';

type BannerInput = ActionInput<'manager.saveBanner'>;
const banner = (over: Partial<BannerInput> = {}): BannerInput => ({
  title: '新品上市',
  subtitle: '限时专享',
  image: { art: { hue: 30, shape: 'jar', label: 'NEW' } },
  link: { kind: 'product', id: SERUM },
  startsAt: null,
  endsAt: null,
  active: true,
  ...over,
});

const asManager = <N extends Parameters<typeof callAction>[1]>(db: Db, name: N, data: ActionInput<N>, now = T0) =>
  callAction(db, name, data, { openid: MANAGER, now, idempotencyKey: newKey() });

async function homeAt(db: Db, now: Date) {
  return okData(await callAction(db, 'catalog.home', {}, { openid: null, now }));
}

describeEachDatabase('the home page, as the manager arranges it', (use) => {
  it('a banner scheduled from tomorrow shows only from then, until its end; moved first it leads', async () => {
    const tomorrow = daysAfter(T0, 1);
    const saved = okData(
      await asManager(use(), 'manager.saveBanner', {
        ...banner(),
        startsAt: tomorrow.toISOString(),
        endsAt: daysAfter(T0, 3).toISOString(),
      }),
    );
    expect(saved).toMatchObject({
      state: 'scheduled',
      linkLabel: '商品「青禾积雪草 B5 修护精华」',
      image: `/media/banners/${saved.bannerId}--${T0.getTime().toString(36)}.png`,
    });
    expect((await homeAt(use(), T0)).banners.map((b) => b.id)).not.toContain(saved.bannerId);

    const later = (await homeAt(use(), tomorrow)).banners;
    expect(later.at(-1)).toMatchObject({ id: saved.bannerId, target: { kind: 'product', id: SERUM } });
    const moved = okData(
      await asManager(use(), 'manager.moveBanner', { bannerId: saved.bannerId, direction: 'first' }),
    );
    expect(moved.order[0]).toBe(saved.bannerId);
    expect((await homeAt(use(), tomorrow)).banners[0]!.id).toBe(saved.bannerId);
    expect((await homeAt(use(), daysAfter(T0, 3))).banners.map((b) => b.id)).not.toContain(saved.bannerId);

    const listed = okData(await callAction(use(), 'manager.listBanners', {}, { openid: MANAGER, now: tomorrow }));
    expect(listed.items[0]).toMatchObject({ bannerId: saved.bannerId, state: 'live' });
    // The demo's banners (written before typed links) read their routes as typed links.
    expect(listed.items.find((b) => b.bannerId === 'b-summer-sunscreen')?.link).toEqual({
      kind: 'category',
      id: 'c-sunscreen',
    });
  });

  it('the store share cover is drawn from the first banner showing, never a scheduled-out one', async () => {
    const cover = async (now: Date) => (await renditionOf(use().kysely, 'demo', 'share/store.png', now))?.svg ?? '';
    const seedFirst = (await homeAt(use(), T0)).banners[0]!;
    const pending = okData(
      await asManager(use(), 'manager.saveBanner', {
        ...banner({ title: '预告横幅' }),
        startsAt: daysAfter(T0, 1).toISOString(),
        endsAt: daysAfter(T0, 3).toISOString(),
      }),
    );
    okData(await asManager(use(), 'manager.moveBanner', { bannerId: pending.bannerId, direction: 'first' }));
    // First in the order but not started: the cover stays the first banner the home page shows.
    expect(await cover(T0)).not.toContain('预告横幅');
    expect(await cover(T0)).toContain(seedFirst.title.slice(0, 4));
    expect(await cover(daysAfter(T0, 2))).toContain('预告横幅');
    // Ended, it is no longer the cover.
    expect(await cover(daysAfter(T0, 3))).not.toContain('预告横幅');
  });

  it('one step up and down, and the ends stay put', async () => {
    const before = okData(await callAction(use(), 'manager.listBanners', {}, { openid: MANAGER })).items.map(
      (b) => b.bannerId,
    );
    const second = before[1]!;
    const up = okData(await asManager(use(), 'manager.moveBanner', { bannerId: second, direction: 'up' }));
    expect(up.order).toEqual([second, before[0], ...before.slice(2)]);
    const down = okData(await asManager(use(), 'manager.moveBanner', { bannerId: second, direction: 'down' }));
    expect(down.order).toEqual(before);
    const last = before.at(-1)!;
    expect(okData(await asManager(use(), 'manager.moveBanner', { bannerId: last, direction: 'down' })).order).toEqual(
      before,
    );
  });

  it('refuses a link to nothing, an end before the start, and writes nothing', async () => {
    const counts = await tableCounts(use());
    const refusals = [
      [banner({ link: { kind: 'product', id: 'no-such-product' } }), 'BANNER_LINK_INVALID'],
      [banner({ link: { kind: 'category', id: 'no-such-category' } }), 'BANNER_LINK_INVALID'],
      [banner({ link: { kind: 'campaign', id: 'no-such-campaign' } }), 'BANNER_LINK_INVALID'],
      [
        banner({ startsAt: daysAfter(T0, 2).toISOString(), endsAt: daysAfter(T0, 1).toISOString() }),
        'SCHEDULE_INVALID',
      ],
      [banner({ startsAt: T0.toISOString(), endsAt: T0.toISOString() }), 'SCHEDULE_INVALID'],
      [banner({ bannerId: 'no-such-banner' }), 'NOT_FOUND'],
    ] as const;
    for (const [input, code] of refusals)
      expect(errorCode(await asManager(use(), 'manager.saveBanner', input))).toBe(code);
    await use().kysely.updateTable('products').set({ status: 'off_shelf' }).where('id', '=', CLEANSER).execute();
    expect(
      errorCode(await asManager(use(), 'manager.saveBanner', banner({ link: { kind: 'product', id: CLEANSER } }))),
    ).toBe('BANNER_LINK_INVALID');
    await use().kysely.updateTable('products').set({ status: 'on_sale' }).where('id', '=', CLEANSER).execute();
    expect(await tableCounts(use())).toEqual(counts);
  });

  it('edits, switches off, deletes; each change is in the audit log', async () => {
    const b = okData(await asManager(use(), 'manager.saveBanner', banner({ link: { kind: 'page', id: 'coupons' } })));
    const edited = okData(
      await asManager(use(), 'manager.saveBanner', banner({ bannerId: b.bannerId, title: '领券中心', active: false })),
    );
    expect(edited).toMatchObject({ title: '领券中心', state: 'inactive' });
    // Redrawn art gets a key of its own (a stored rendition is never redrawn), and that key renders.
    const redrawn = okData(
      await asManager(
        use(),
        'manager.saveBanner',
        banner({ bannerId: b.bannerId, title: '重新绘制', active: false }),
        daysAfter(T0, 1),
      ),
    );
    expect(redrawn.image).not.toBe(edited.image);
    expect(await renditionOf(use().kysely, 'demo', redrawn.image.slice('/media/'.length), T0)).not.toBeNull();
    expect((await homeAt(use(), T0)).banners.map((x) => x.id)).not.toContain(b.bannerId);
    okData(await asManager(use(), 'manager.deleteBanner', { bannerId: b.bannerId }));
    expect(errorCode(await asManager(use(), 'manager.deleteBanner', { bannerId: b.bannerId }))).toBe('NOT_FOUND');
    const audit = await use()
      .kysely.selectFrom('audit_log')
      .select('action')
      .where('action', 'in', ['manager.saveBanner', 'manager.deleteBanner'])
      .execute();
    expect(audit.filter((a) => a.action === 'manager.deleteBanner')).toHaveLength(1);
    expect(audit.length).toBeGreaterThanOrEqual(3);
  });

  it('sections show on home in the manager’s order, chosen products in theirs, the newest of a category', async () => {
    const chosen = okData(
      await asManager(use(), 'manager.saveHomeSection', {
        title: '店长推荐',
        content: { kind: 'products', productIds: [SUNSCREEN, SERUM] },
        active: true,
      }),
    );
    expect(chosen.products.map((p) => p.productId)).toEqual([SUNSCREEN, SERUM]);
    const newest = okData(
      await asManager(use(), 'manager.saveHomeSection', {
        title: '防晒新品',
        content: { kind: 'newest', categoryId: 'c-sunscreen', count: 2 },
        active: true,
      }),
    );
    let sections = (await homeAt(use(), T0)).sections;
    expect(sections.map((s) => s.title)).toEqual(['店长推荐', '防晒新品']);
    expect(sections[0]!.products.map((p) => p.id)).toEqual([SUNSCREEN, SERUM]);
    expect(sections[1]!.products.length).toBeLessThanOrEqual(2);
    expect(sections[1]!.products.every((p) => p.categoryId === 'c-sunscreen')).toBe(true);

    okData(await asManager(use(), 'manager.moveHomeSection', { sectionId: newest.sectionId, direction: 'up' }));
    // Taken off the shelf, a chosen product drops out of its section.
    await use().kysely.updateTable('products').set({ status: 'off_shelf' }).where('id', '=', SUNSCREEN).execute();
    sections = (await homeAt(use(), T0)).sections;
    expect(sections.map((s) => s.title)).toEqual(['防晒新品', '店长推荐']);
    expect(sections[1]!.products.map((p) => p.id)).toEqual([SERUM]);
    await use().kysely.updateTable('products').set({ status: 'on_sale' }).where('id', '=', SUNSCREEN).execute();

    const listed = okData(await callAction(use(), 'manager.listHomeSections', {}, { openid: MANAGER }));
    expect(listed.items.map((s) => [s.title, s.categoryName])).toEqual([
      ['防晒新品', expect.any(String)],
      ['店长推荐', null],
    ]);
    okData(
      await asManager(use(), 'manager.saveHomeSection', {
        sectionId: chosen.sectionId,
        title: '店长推荐',
        content: { kind: 'products', productIds: [SERUM] },
        active: false,
      }),
    );
    okData(await asManager(use(), 'manager.deleteHomeSection', { sectionId: newest.sectionId }));
    expect((await homeAt(use(), T0)).sections).toEqual([]);
  });

  it('refuses a section of products not on sale or of an unknown category', async () => {
    const sectionCount = async () => (await use().kysely.selectFrom('home_sections').select('id').execute()).length;
    const counts = [await tableCounts(use()), await sectionCount()];
    expect(
      errorCode(
        await asManager(use(), 'manager.saveHomeSection', {
          title: '无效',
          content: { kind: 'products', productIds: [SERUM, 'no-such-product'] },
          active: true,
        }),
      ),
    ).toBe('HOME_SECTION_PRODUCT_INVALID');
    expect(
      errorCode(
        await asManager(use(), 'manager.saveHomeSection', {
          title: '无效',
          content: { kind: 'newest', categoryId: 'no-such-category', count: 3 },
          active: true,
        }),
      ),
    ).toBe('NOT_FOUND');
    expect([await tableCounts(use()), await sectionCount()]).toEqual(counts);
  });

  it('customers and staff are refused', async () => {
    for (const openid of ['test-customer', 'demo-staff'])
      expect(
        errorCode(await callAction(use(), 'manager.saveBanner', banner(), { openid, idempotencyKey: newKey() })),
      ).toBe('FORBIDDEN');
  });
});
