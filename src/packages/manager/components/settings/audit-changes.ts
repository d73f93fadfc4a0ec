/**
 * An audit row's settings changes in words (`发货后自动确认收货 7 → 3`), read from what the save answered
 * (`result.changed`, each with its label); null for any other row.
 */
export function settingsChanges(detail: Record<string, unknown>): string | null {
  const result = detail.result as { changed?: unknown } | undefined;
  if (!Array.isArray(result?.changed) || result.changed.length === 0) return null;
  const shown = (v: unknown) =>
    Array.isArray(v)
      ? v.join('/')
      : typeof v === 'boolean'
        ? v
          ? '开'
          : '关'
        : v === '' || v == null
          ? '空'
          : String(v);
  return (
    (result.changed as Array<{ label?: string; field?: string; before?: unknown; after?: unknown }>)
      .filter((c) => typeof c.label === 'string')
      .map((c) => `${c.label} ${shown(c.before)} → ${shown(c.after)}`)
      .join('；') || null
  );
}
