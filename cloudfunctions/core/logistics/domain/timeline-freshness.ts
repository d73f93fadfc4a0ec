/** How long a cached timeline is shown before the provider is asked again (快递100 bills per query). */
const TIMELINE_FRESH_MINUTES = 30;

/** Whether a cached timeline is still good: a final one (delivered) always is. */
export function isTimelineFresh(cached: { final: boolean; fetched_at: Date }, now: Date): boolean {
  return cached.final || now.getTime() - cached.fetched_at.getTime() < TIMELINE_FRESH_MINUTES * 60_000;
}
