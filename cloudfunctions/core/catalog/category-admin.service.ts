import type { ActionArgs } from '../context';
import type { ActionOutput, ManagerCategoryView } from '../contract';
import type { Executor } from '../db/db';
import { fail, ok, type Result } from '../errors';
import { newCatalogId } from './repo/product-editor.repo';
import {
  deleteEmptyCategory,
  findManagerCategories,
  insertCategory,
  lockCategoryOrder,
  setCategorySort,
  updateCategory,
  type CategoryRow,
} from './repo/category-admin.repo';

function view(c: CategoryRow): ManagerCategoryView {
  return {
    categoryId: c.id,
    name: c.name,
    icon: c.icon,
    iconId: c.icon,
    hidden: !c.active,
    productCount: c.product_count,
  };
}

async function one(exec: Executor, storeId: string, id: string): Promise<ManagerCategoryView | null> {
  const row = (await findManagerCategories(exec, storeId)).find((c) => c.id === id);
  return row ? view(row) : null;
}

/** `manager.listCategories`: hidden ones too, in the order 分类 shows them. */
export async function listManagerCategories({
  ctx,
  exec,
}: ActionArgs<'manager.listCategories'>): Promise<Result<ActionOutput<'manager.listCategories'>>> {
  return ok({ items: (await findManagerCategories(exec, ctx.storeId)).map(view) });
}

/** `manager.saveCategory`: a new category goes last; an existing one is renamed or gets a new icon. */
export async function saveCategory({
  input,
  ctx,
  exec,
}: ActionArgs<'manager.saveCategory'>): Promise<Result<ActionOutput<'manager.saveCategory'>>> {
  const id = input.categoryId ?? newCatalogId('c');
  if (input.categoryId === undefined) {
    await insertCategory(exec, { id, storeId: ctx.storeId, name: input.name, icon: input.icon });
  } else if (!(await updateCategory(exec, { storeId: ctx.storeId, id, set: { name: input.name, icon: input.icon } }))) {
    return fail('CATEGORY_NOT_FOUND');
  }
  return ok((await one(exec, ctx.storeId, id))!);
}

/**
 * `manager.moveCategory`: swaps it with its neighbour. The order is read locked and written back as
 * 0..n-1, so seeded ties and two managers moving at once still give one consistent order.
 */
export async function moveCategory({
  input,
  ctx,
  exec,
}: ActionArgs<'manager.moveCategory'>): Promise<Result<ActionOutput<'manager.moveCategory'>>> {
  const locked = await lockCategoryOrder(exec, ctx.storeId);
  const order = locked.map((c) => c.id);
  const at = order.indexOf(input.categoryId);
  if (at < 0) return fail('CATEGORY_NOT_FOUND');
  const to = input.direction === 'up' ? at - 1 : at + 1;
  if (to >= 0 && to < order.length) [order[at], order[to]] = [order[to]!, order[at]!];
  for (const [i, id] of order.entries()) {
    if (locked.find((c) => c.id === id)?.sort !== i) await setCategorySort(exec, id, i);
  }
  return ok({ items: (await findManagerCategories(exec, ctx.storeId)).map(view) });
}

/** `manager.setCategoryHidden`: a hidden category and its products leave 分类, the home page and search. */
export async function setCategoryHidden({
  input,
  ctx,
  exec,
}: ActionArgs<'manager.setCategoryHidden'>): Promise<Result<ActionOutput<'manager.setCategoryHidden'>>> {
  const id = input.categoryId;
  if (!(await updateCategory(exec, { storeId: ctx.storeId, id, set: { active: !input.hidden } }))) {
    return fail('CATEGORY_NOT_FOUND');
  }
  return ok((await one(exec, ctx.storeId, id))!);
}

/** `manager.deleteCategory`: only an empty one; a category with products is hidden instead. */
export async function deleteCategory({
  input,
  ctx,
  exec,
}: ActionArgs<'manager.deleteCategory'>): Promise<Result<ActionOutput<'manager.deleteCategory'>>> {
  if (await deleteEmptyCategory(exec, ctx.storeId, input.categoryId)) return ok({ categoryId: input.categoryId });
  const exists = (await findManagerCategories(exec, ctx.storeId)).some((c) => c.id === input.categoryId);
  return exists ? fail('CATEGORY_NOT_EMPTY') : fail('CATEGORY_NOT_FOUND');
}
