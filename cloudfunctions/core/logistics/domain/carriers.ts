/**
 * The carriers a shop ships with: the name shown and stored on the order (WeChat's shipping upload maps
 * it to its own company id), the tracking provider's code (快递100's 快递公司编码), and what a
 * spreadsheet may call it.
 */
export interface Carrier {
  code: string;
  name: string;
  aliases: readonly string[];
}

export const CARRIERS: readonly Carrier[] = [
  { code: 'shunfeng', name: '顺丰速运', aliases: ['顺丰', '顺丰快递', 'SF', 'SFEXPRESS'] },
  { code: 'zhongtong', name: '中通快递', aliases: ['中通', 'ZTO'] },
  { code: 'yuantong', name: '圆通速递', aliases: ['圆通', '圆通快递', 'YTO'] },
  { code: 'yunda', name: '韵达快递', aliases: ['韵达', 'YD', 'YUNDA'] },
  { code: 'shentong', name: '申通快递', aliases: ['申通', 'STO'] },
  { code: 'jtexpress', name: '极兔速递', aliases: ['极兔', '极兔快递', 'JT', 'JTSD'] },
  { code: 'ems', name: 'EMS', aliases: ['中国邮政EMS', '邮政EMS'] },
  { code: 'jd', name: '京东物流', aliases: ['京东', '京东快递'] },
  { code: 'youzhengguonei', name: '中国邮政', aliases: ['邮政', '邮政快递包裹', '邮政包裹', 'YZPY'] },
];

const normalise = (text: string) => text.trim().replace(/\s+/g, '').toUpperCase();

const BY_TEXT = new Map<string, Carrier>(
  CARRIERS.flatMap((c) => [c.code, c.name, ...c.aliases].map((t) => [normalise(t), c] as const)),
);

/** The carrier a code, name or alias means (case and spaces ignored), or null. */
export function findCarrier(text: string): Carrier | null {
  return BY_TEXT.get(normalise(text)) ?? null;
}
