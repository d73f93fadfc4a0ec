import { fen, type Fen } from '../../shared/money';
import { priceFreight, type FreightInput, type FreightParcel } from './freight-pricing';
import { yuanText } from './freight-text';

/** The cart's shipping line: what express costs the ticked goods, priced by checkout's rule. */
export interface CartShippingLine {
  /** `free`: nothing to pay; `fee`: a fee applies; `undeliverable`: some goods cannot go to the province. */
  status: 'free' | 'fee' | 'undeliverable';
  /** The province priced for (the member's default address), or null: no address yet. */
  province: string | null;
  /** Express for the ticked goods now (without an address: the lowest over the provinces). */
  shippingFen: Fen;
  /** How much more goods ship everything free (0: free already, or no threshold is reachable). */
  remainingFen: Fen;
  text: string;
  /** The ticked lines the province's templates refuse. */
  undeliverable: { province: string; skuIds: string[] } | null;
}

/** `新疆维吾尔自治区` -> `新疆`, `浙江省` -> `浙江`: the short name people say. */
function shortProvince(province: string): string {
  return province.replace(/(壮族|回族|维吾尔)?自治区$|特别行政区$|[省市]$/, '') || province;
}

/**
 * The least extra goods that ship everything free, or 0 when none does: the tier's threshold (any
 * goods count towards it), or a template's own free-over when its parcel is the only one charged
 * (more of that template's goods then ship the order free).
 */
function reachableFreeOver(parcels: readonly FreightParcel[], goodsFen: number, tierFreeOverFen: number): number {
  const candidates = tierFreeOverFen > goodsFen ? [tierFreeOverFen - goodsFen] : [];
  const charged = parcels.filter((p) => p.feeFen > 0);
  const only = charged.length === 1 ? charged[0]! : null;
  if (only?.freeOverFen != null) candidates.push(only.freeOverFen - only.goodsFen);
  return candidates.length ? Math.min(...candidates) : 0;
}

const line = (
  o: Omit<CartShippingLine, 'shippingFen' | 'remainingFen'> & { shippingFen?: number; remainingFen?: number },
) => ({ ...o, shippingFen: fen(o.shippingFen ?? 0), remainingFen: fen(o.remainingFen ?? 0) }) as CartShippingLine;

/**
 * The cart's line for its ticked goods (after member price, before coupon and points), priced with
 * `priceFreight`, the function checkout charges by: for the province of the member's default address
 * (`运费 ¥6（浙江省），再买¥30包邮`, `已包邮`, `以下商品不配送到 新疆：…`), or without one over every
 * province the goods can go to (`运费按收货地区计，¥6起`); the tier's threshold still ships everything free.
 */
export function cartShippingLine(
  input: Omit<FreightInput, 'province'>,
  o: { province: string | null; provinces: readonly string[] },
): CartShippingLine {
  const goodsFen = input.lines.reduce((n, l) => n + l.payableFen, 0);
  const tier = input.tierFreeOverFen;
  const base = { province: o.province, undeliverable: null };
  if (o.province !== null) {
    const quote = priceFreight({ ...input, province: o.province });
    if (!quote.ok) {
      const titles = [...new Set(quote.undeliverable.map((l) => l.title))].join('、');
      return line({
        status: 'undeliverable',
        province: o.province,
        text: `以下商品不配送到 ${shortProvince(o.province)}：${titles}`,
        undeliverable: { province: o.province, skuIds: quote.undeliverable.map((l) => l.skuId) },
      });
    }
    if (tier <= 0) return line({ ...base, status: 'free', text: '全场包邮' });
    if (input.lines.length === 0)
      return line({ ...base, status: 'fee', text: `满${yuanText(tier)}包邮`, remainingFen: tier });
    if (quote.shippingFen === 0) return line({ ...base, status: 'free', text: '已包邮' });
    const remainingFen = reachableFreeOver(quote.parcels, goodsFen, tier);
    const more = remainingFen > 0 ? `，再买${yuanText(remainingFen)}包邮` : '';
    return line({
      ...base,
      status: 'fee',
      text: `运费 ${yuanText(quote.shippingFen)}（${o.province}）${more}`,
      shippingFen: quote.shippingFen,
      remainingFen,
    });
  }
  if (tier <= 0) return line({ ...base, status: 'free', text: '全场包邮' });
  if (input.lines.length === 0)
    return line({ ...base, status: 'fee', text: `满${yuanText(tier)}包邮`, remainingFen: tier });
  if (goodsFen >= tier) return line({ ...base, status: 'free', text: '已包邮' });
  // Without an address only the tier's threshold holds wherever the goods go.
  const fees = o.provinces.flatMap((p) => {
    const q = priceFreight({ ...input, province: p });
    return q.ok ? [q.shippingFen] : [];
  });
  const lowest = fees.length ? Math.min(...fees) : 0;
  const highest = fees.length ? Math.max(...fees) : 0;
  if (highest === 0) return line({ ...base, status: 'free', text: '已包邮' });
  const fee =
    lowest === highest
      ? `运费 ${yuanText(lowest)}`
      : `运费按收货地区计，${lowest === 0 ? '部分地区包邮' : `${yuanText(lowest)}起`}`;
  return line({
    ...base,
    status: 'fee',
    text: `${fee}，再买${yuanText(tier - goodsFen)}包邮`,
    shippingFen: lowest,
    remainingFen: tier - goodsFen,
  });
}
