import { expect, it } from 'vitest';
import { callAction, okData } from '../../support/call';
import { describeEachDatabase } from '../../support/databases';
import { errorOf } from '../staff/staff-factory';
import { asManager, twoByTwo } from './catalog-admin-factory';

const ICON = '/media/categories/c-cleanser.png';

describeEachDatabase('manager categories', (use) => {
  it('creates a category last, renames it, moves it up; 分类 follows the order', async () => {
    const made = okData(await asManager(use(), 'manager.saveCategory', { name: '新分类', icon: ICON }));
    const { items } = okData(await asManager(use(), 'manager.listCategories', {}));
    expect(items.at(-1)).toMatchObject({ categoryId: made.categoryId, name: '新分类', hidden: false, productCount: 0 });
    okData(
      await asManager(use(), 'manager.saveCategory', { categoryId: made.categoryId, name: '改名分类', icon: ICON }),
    );
    const moved = okData(
      await asManager(use(), 'manager.moveCategory', { categoryId: made.categoryId, direction: 'up' }),
    );
    const ids = moved.items.map((c) => c.categoryId);
    expect(ids.indexOf(made.categoryId)).toBe(ids.length - 2);
    const home = okData(await callAction(use(), 'catalog.home', {}, { openid: null }));
    expect(home.categories.map((c) => c.id)).toEqual(ids);
    expect(home.categories.find((c) => c.id === made.categoryId)?.name).toBe('改名分类');
    // The first one cannot move further up: the order stays.
    const top = ids[0]!;
    const same = okData(await asManager(use(), 'manager.moveCategory', { categoryId: top, direction: 'up' }));
    expect(same.items.map((c) => c.categoryId)).toEqual(ids);
    expect(errorOf(await asManager(use(), 'manager.moveCategory', { categoryId: 'no-such', direction: 'up' }))).toBe(
      'CATEGORY_NOT_FOUND',
    );
  });

  it('hiding a category takes it and its products out of 分类 and search; showing brings them back', async () => {
    const cat = okData(await asManager(use(), 'manager.saveCategory', { name: '隐藏测试', icon: ICON }));
    const product = okData(
      await asManager(
        use(),
        'manager.saveProduct',
        twoByTwo({ title: '隐藏分类里的商品', categoryId: cat.categoryId }),
      ),
    );
    const search = async () =>
      okData(await callAction(use(), 'catalog.listProducts', { keyword: '隐藏分类里' }, { openid: null })).items.map(
        (p) => p.id,
      );
    expect(await search()).toEqual([product.productId]);
    expect(
      okData(await asManager(use(), 'manager.setCategoryHidden', { categoryId: cat.categoryId, hidden: true })).hidden,
    ).toBe(true);
    const home = okData(await callAction(use(), 'catalog.home', {}, { openid: null }));
    expect(home.categories.map((c) => c.id)).not.toContain(cat.categoryId);
    expect(await search()).toEqual([]);
    okData(await asManager(use(), 'manager.setCategoryHidden', { categoryId: cat.categoryId, hidden: false }));
    expect(await search()).toEqual([product.productId]);
  });

  it('refuses to delete a category with products (CATEGORY_NOT_EMPTY), even deleted ones; deletes an empty one', async () => {
    const full = okData(await asManager(use(), 'manager.saveCategory', { name: '有商品', icon: ICON }));
    const product = okData(await asManager(use(), 'manager.saveProduct', twoByTwo({ categoryId: full.categoryId })));
    expect(errorOf(await asManager(use(), 'manager.deleteCategory', { categoryId: full.categoryId }))).toBe(
      'CATEGORY_NOT_EMPTY',
    );
    okData(await asManager(use(), 'manager.deleteProduct', { productId: product.productId }));
    expect(errorOf(await asManager(use(), 'manager.deleteCategory', { categoryId: full.categoryId }))).toBe(
      'CATEGORY_NOT_EMPTY',
    );
    const empty = okData(await asManager(use(), 'manager.saveCategory', { name: '空分类', icon: ICON }));
    okData(await asManager(use(), 'manager.deleteCategory', { categoryId: empty.categoryId }));
    const { items } = okData(await asManager(use(), 'manager.listCategories', {}));
    expect(items.map((c) => c.categoryId)).not.toContain(empty.categoryId);
    expect(errorOf(await asManager(use(), 'manager.deleteCategory', { categoryId: empty.categoryId }))).toBe(
      'CATEGORY_NOT_FOUND',
    );
  });

  it('audits every change with who made it', async () => {
    const cat = okData(await asManager(use(), 'manager.saveCategory', { name: '审计分类', icon: ICON }));
    okData(await asManager(use(), 'manager.setCategoryHidden', { categoryId: cat.categoryId, hidden: true }));
    const rows = await use()
      .kysely.selectFrom('audit_log')
      .select(['action', 'who', 'role'])
      .where('action', 'in', ['manager.saveCategory', 'manager.setCategoryHidden'])
      .execute();
    expect(rows).toEqual(
      expect.arrayContaining([
        { action: 'manager.saveCategory', who: 'demo-manager', role: 'manager' },
        { action: 'manager.setCategoryHidden', who: 'demo-manager', role: 'manager' },
      ]),
    );
  });
});
