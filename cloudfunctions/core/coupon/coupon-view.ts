import type { CouponTermsView } from '../contract';
import type { Executor } from '../db/db';
import { describeTerms, termsFields } from './domain/coupon-terms';
import { scopeText, type CouponScope } from './domain/scope';
import type { CouponArgs, CouponKind } from './rules';
import { scopeNames } from './repo/coupon.repo';

interface TermsRow {
  kind: CouponKind;
  args: Record<string, unknown>;
  scope: CouponScope;
  scope_ids: string[];
}

/**
 * Turns template rows into the terms a ticket shows, with scope names looked up in two queries
 * (categories, products) for the whole list.
 */
export async function termsViews(exec: Executor, rows: readonly TermsRow[]): Promise<CouponTermsView[]> {
  const ids = (scope: 'categories' | 'products') => [
    ...new Set(rows.filter((r) => r.scope === scope).flatMap((r) => r.scope_ids)),
  ];
  const names = {
    categories: await scopeNames(exec, 'categories', ids('categories')),
    products: await scopeNames(exec, 'products', ids('products')),
  };
  return rows.map((r) => {
    // Targets still in the catalog, in the template's order (a deleted category drops out).
    const targets =
      r.scope === 'all'
        ? []
        : r.scope_ids.flatMap((id) => {
            const name = names[r.scope as 'categories' | 'products'].get(id);
            return name ? [{ id, name }] : [];
          });
    return {
      kind: r.kind,
      ...describeTerms(r.kind, r.args as CouponArgs),
      ...termsFields(r.args as CouponArgs),
      scopeText: scopeText(
        r.scope,
        targets.map((t) => t.name),
      ),
      scope: { kind: r.scope, targets },
    };
  });
}
