/**
 * WeChat's 7-field timer cron: second minute hour day-of-month month day-of-week year, read in
 * Asia/Shanghai (UTC+8, no DST). Supports `*`, numbers, lists `a,b`, ranges `a-b` and steps `x/n`.
 */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const RANGES: Array<[number, number]> = [
  [0, 59], // second
  [0, 59], // minute
  [0, 23], // hour
  [1, 31], // day of month
  [1, 12], // month
  [0, 6], // day of week (0 = Sunday)
  [1970, 2199], // year
];

export type Cron = Array<Set<number>>;

export function parseCron(expression: string): Cron {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 7) throw new Error(`cron needs 7 fields (s m h dom mon dow year): "${expression}"`);
  return fields.map((field, i) => parseField(field, RANGES[i]!));
}

function parseField(field: string, [min, max]: [number, number]): Set<number> {
  const values = new Set<number>();
  for (const part of field.split(',')) {
    if (!/^(\*|\d+(-\d+)?)(\/\d+)?$/.test(part)) throw new Error(`bad cron field "${field}"`);
    const [rangePart, stepPart] = part.split('/');
    const step = stepPart === undefined ? 1 : Number(stepPart);
    let from = min;
    let to = max;
    if (rangePart !== '*') {
      const [a, b] = rangePart!.split('-');
      from = Number(a);
      to = b === undefined ? (stepPart === undefined ? from : max) : Number(b);
    }
    if (![from, to, step].every(Number.isInteger) || from < min || to > max || from > to || step < 1) {
      throw new Error(`bad cron field "${field}"`);
    }
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return values;
}

/** Whether the cron fires at this instant (to the second). */
export function cronMatches(cron: Cron, at: Date): boolean {
  const t = new Date(at.getTime() + SHANGHAI_OFFSET_MS);
  const parts = [
    t.getUTCSeconds(),
    t.getUTCMinutes(),
    t.getUTCHours(),
    t.getUTCDate(),
    t.getUTCMonth() + 1,
    t.getUTCDay(),
    t.getUTCFullYear(),
  ];
  return parts.every((value, i) => cron[i]!.has(value));
}
