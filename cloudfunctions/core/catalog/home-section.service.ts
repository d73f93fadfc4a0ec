import type { ActionInput, ManagerHomeSection } from '../contract';
import type { ActionArgs } from '../context';
import type { Executor } from '../db/db';
import { fail, ok, type Result } from '../errors';
import { moveInOrder } from './domain/home-page';
import { findProductSummaries, type ProductSummaryRow } from './repo/catalog.repo';
import { lockOrder, newHomeId, writeOrder } from './repo/home-page.repo';
import {
  deleteSection,
  findCategoryNames,
  findProductTitles,
  findSections,
  findStoreCategory,
  findStoreSection,
  insertSection,
  updateSection,
  type SectionFields,
  type SectionRow,
} from './repo/home-section.repo';

/**
 * The home page's active sections with their products on sale: chosen ones in the manager's order
 * (one taken off the shelf drops out), or the newest N of a category. A section left empty is not shown.
 */
export async function homeSectionRows(
  exec: Executor,
  storeId: string,
): Promise<Array<{ id: string; title: string; rows: ProductSummaryRow[] }>> {
  const sections = await findSections(exec, storeId, true);
  const filled = await Promise.all(
    sections.map(async (s) => {
      if (s.kind === 'newest')
        return findProductSummaries(exec, { storeId, categoryId: s.category_id!, sort: 'new', limit: s.newest_count! });
      const rows = await findProductSummaries(exec, { storeId, ids: s.product_ids, limit: s.product_ids.length });
      const byId = new Map(rows.map((r) => [r.id, r]));
      return s.product_ids.flatMap((id) => byId.get(id) ?? []);
    }),
  );
  return sections.map((s, i) => ({ id: s.id, title: s.title, rows: filled[i]! })).filter((s) => s.rows.length > 0);
}

type Names = { products: Map<string, string>; categories: Map<string, string> };

function sectionView(s: SectionRow, names: Names): ManagerHomeSection {
  return {
    sectionId: s.id,
    title: s.title,
    kind: s.kind,
    products: s.product_ids.map((id) => ({ productId: id, title: names.products.get(id) ?? '（已删除）' })),
    categoryId: s.category_id,
    categoryName: s.category_id ? (names.categories.get(s.category_id) ?? '（已删除）') : null,
    newestCount: s.newest_count,
    active: s.active,
  };
}

async function namesFor(exec: Executor, storeId: string, sections: SectionRow[]): Promise<Names> {
  const [products, categories] = await Promise.all([
    findProductTitles(exec, storeId, [...new Set(sections.flatMap((s) => s.product_ids))]),
    findCategoryNames(exec, storeId),
  ]);
  return {
    products: new Map(products.map((p) => [p.id, p.title])),
    categories: new Map(categories.map((c) => [c.id, c.name])),
  };
}

/** `manager.listHomeSections`: every section in the home page's order. */
export async function listHomeSections({
  ctx,
  exec,
}: ActionArgs<'manager.listHomeSections'>): Promise<Result<{ items: ManagerHomeSection[] }>> {
  const sections = await findSections(exec, ctx.storeId, false);
  const names = await namesFor(exec, ctx.storeId, sections);
  return ok({ items: sections.map((s) => sectionView(s, names)) });
}

type Content = ActionInput<'manager.saveHomeSection'>['content'];

/** The section's stored fields, or the refusal: every chosen product on sale, the category the store's. */
async function contentFields(
  exec: Executor,
  storeId: string,
  c: Content,
): Promise<Result<Omit<SectionFields, 'title' | 'active'>>> {
  if (c.kind === 'newest') {
    if (!(await findStoreCategory(exec, storeId, c.categoryId)))
      return fail('NOT_FOUND', '分类不存在，请重新选择', { categoryId: c.categoryId });
    return ok({ kind: 'newest', product_ids: [], category_id: c.categoryId, newest_count: c.count });
  }
  const found = await findProductTitles(exec, storeId, c.productIds);
  const onSale = new Set(found.filter((p) => p.status === 'on_sale').map((p) => p.id));
  const missing = c.productIds.filter((id) => !onSale.has(id));
  if (missing.length > 0) return fail('HOME_SECTION_PRODUCT_INVALID', undefined, { productIds: missing });
  return ok({ kind: 'products', product_ids: c.productIds, category_id: null, newest_count: null });
}

/** `manager.saveHomeSection`: creates (appended last) or edits a section. */
export async function saveHomeSection({
  input,
  ctx,
  exec,
}: ActionArgs<'manager.saveHomeSection'>): Promise<Result<ManagerHomeSection>> {
  const content = await contentFields(exec, ctx.storeId, input.content);
  if (!content.ok) return content;
  const id = input.sectionId ?? newHomeId('hs');
  const args = {
    storeId: ctx.storeId,
    id,
    now: ctx.now,
    fields: { ...content.data, title: input.title, active: input.active },
  };
  if (input.sectionId) {
    if (!(await updateSection(exec, args))) return fail('NOT_FOUND', '版块不存在，请刷新后再试');
  } else {
    await insertSection(exec, args);
  }
  const row = (await findStoreSection(exec, ctx.storeId, id))!;
  return ok(sectionView(row, await namesFor(exec, ctx.storeId, [row])));
}

/** `manager.deleteHomeSection`. */
export async function deleteHomeSection({
  input,
  ctx,
  exec,
}: ActionArgs<'manager.deleteHomeSection'>): Promise<Result<{ sectionId: string }>> {
  if (!(await deleteSection(exec, ctx.storeId, input.sectionId))) return fail('NOT_FOUND', '版块不存在，请刷新后再试');
  return ok({ sectionId: input.sectionId });
}

/** `manager.moveHomeSection`: a step up or down, or to the top. */
export async function moveHomeSection({
  input,
  ctx,
  exec,
}: ActionArgs<'manager.moveHomeSection'>): Promise<Result<{ order: string[] }>> {
  const ids = await lockOrder(exec, 'home_sections', ctx.storeId);
  if (!ids.includes(input.sectionId)) return fail('NOT_FOUND', '版块不存在，请刷新后再试');
  const order = moveInOrder(ids, input.sectionId, input.direction);
  await writeOrder(exec, 'home_sections', ctx.storeId, order);
  return ok({ order });
}
