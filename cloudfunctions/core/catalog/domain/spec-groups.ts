/**
 * The SKU picker's spec groups: spec names in first-seen order, each with its values in first-seen
 * order (SKUs come sorted by the shop's own order).
 */
export function specGroupsOf(
  skus: ReadonlyArray<{ specs: Record<string, string> }>,
): Array<{ name: string; values: string[] }> {
  const groups = new Map<string, string[]>();
  for (const sku of skus) {
    for (const [name, value] of Object.entries(sku.specs)) {
      const values = groups.get(name) ?? [];
      if (!values.includes(value)) values.push(value);
      groups.set(name, values);
    }
  }
  return [...groups].map(([name, values]) => ({ name, values }));
}

/** `{ 容量: '30ml', 肤质: '清爽型' }` -> `30ml / 清爽型`. */
export function specsText(specs: Record<string, string>): string {
  return Object.values(specs).join(' / ');
}
