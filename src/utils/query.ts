/** Query values may arrive encoded (weapp) or decoded (h5); decoding twice must not throw. */
export function safeDecode(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
