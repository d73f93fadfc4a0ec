import { nudgeScale } from './nudge.bench';

/** Prints the nudge scenario and its ratios; false when the 100k run misses the 10 s goal or selects wrongly. */
export async function runNudgeBench(url: string): Promise<boolean> {
  console.log('[bench] nudge timer: 10k and 100k members x 3 orders (generate_series), one daily run');
  const rows = await nudgeScale(url, (line) => console.log(line));
  const base = rows[0]!;
  let ok = true;
  for (const r of rows) {
    console.log(
      `  ${r.label}: daily run ${r.seconds.toFixed(2)} s (best of ${r.all.map((x) => x.toFixed(2)).join(' / ')}), selected ${r.queued} nudges (due ${r.due}); ` +
        `time vs 10k/1k baseline x${(r.seconds / base.seconds).toFixed(2)}; one-off stats backfill ${r.backfill.toFixed(2)} s`,
    );
    if (r.queued !== r.due) ok = false;
    if (r.members === 100_000 && r.seconds >= 10) ok = false;
  }
  const [, big1k, big10k] = rows;
  if (big1k && big10k) {
    console.log(
      `  total x10 at 1k due: time x${(big1k.seconds / base.seconds).toFixed(2)}; due x10 at 100k total: time x${(big10k.seconds / big1k.seconds).toFixed(2)}`,
    );
  }
  if (!ok) console.log('  NUDGE BENCH GOAL MISSED (100k run >= 10 s or selected != due)');
  return ok;
}
