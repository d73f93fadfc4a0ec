/** A spec group as the editor holds it: `容量` with `30ml`, `50ml`. */
export interface SpecGroup {
  name: string;
  values: string[];
}

const MAX_SPEC_GROUPS = 3;
/** 20 × 20 × 20 would be 8,000 rows: no shop sells that, and the editor's table could not show it. */
const MAX_SKUS = 200;

export type SpecGroupProblem =
  | { problem: 'TOO_MANY_GROUPS' }
  | { problem: 'EMPTY_GROUP'; group: string }
  | { problem: 'DUPLICATE_GROUP'; group: string }
  | { problem: 'DUPLICATE_VALUE'; group: string; value: string }
  | { problem: 'TOO_MANY_SKUS'; count: number };

/** What is wrong with the groups, or null. No group at all is a product sold as one SKU. */
export function checkSpecGroups(groups: readonly SpecGroup[]): SpecGroupProblem | null {
  if (groups.length > MAX_SPEC_GROUPS) return { problem: 'TOO_MANY_GROUPS' };
  const names = new Set<string>();
  for (const g of groups) {
    if (names.has(g.name)) return { problem: 'DUPLICATE_GROUP', group: g.name };
    names.add(g.name);
    if (g.values.length === 0) return { problem: 'EMPTY_GROUP', group: g.name };
    const seen = new Set<string>();
    for (const v of g.values) {
      if (seen.has(v)) return { problem: 'DUPLICATE_VALUE', group: g.name, value: v };
      seen.add(v);
    }
  }
  const count = groups.reduce((n, g) => n * g.values.length, 1);
  return count > MAX_SKUS ? { problem: 'TOO_MANY_SKUS', count } : null;
}

/**
 * Every combination of one value per group, the first group varying slowest (the editor's table reads
 * 30ml/清爽, 30ml/滋润, 50ml/清爽, ...). No group gives one SKU with no specs.
 */
export function skuMatrix(groups: readonly SpecGroup[]): Array<Record<string, string>> {
  return groups.reduce<Array<Record<string, string>>>(
    (rows, g) => rows.flatMap((row) => g.values.map((v) => ({ ...row, [g.name]: v }))),
    [{}],
  );
}

/** A stable key of a SKU's specs over the groups' names, whatever order its object's keys are in. */
export function specsKey(groups: readonly SpecGroup[], specs: Record<string, string>): string {
  return JSON.stringify(groups.map((g) => specs[g.name] ?? null));
}

/**
 * Whether `rows` are exactly the matrix of `groups`: each combination once, no other key. The editor
 * sends the SKUs it shows; the server refuses a table that does not match its groups.
 */
export function coversMatrix(groups: readonly SpecGroup[], rows: ReadonlyArray<Record<string, string>>): boolean {
  const expected = new Set(skuMatrix(groups).map((s) => specsKey(groups, s)));
  if (rows.length !== expected.size) return false;
  const seen = new Set<string>();
  for (const specs of rows) {
    if (Object.keys(specs).length !== groups.length) return false;
    const key = specsKey(groups, specs);
    if (!expected.has(key) || seen.has(key)) return false;
    seen.add(key);
  }
  return true;
}
