import { fen, sumFen, timesQty, type Fen } from '../../shared/money';

export interface PricedSku {
  skuId: string;
  unitPriceFen: Fen;
  stock: number;
  /** On the shelf and active. */
  sellable: boolean;
}

export interface CartLinePrice {
  skuId: string;
  qty: number;
  unitPriceFen: Fen;
  lineTotalFen: Fen;
  available: boolean;
}

/**
 * Prices cart lines at today's prices. A line is available when its SKU is sellable and has the
 * stock for the quantity; only available lines count toward the total.
 */
export function priceCart(
  items: ReadonlyArray<{ skuId: string; qty: number }>,
  skus: ReadonlyMap<string, PricedSku>,
): { lines: CartLinePrice[]; totalFen: Fen; count: number } {
  const lines: CartLinePrice[] = [];
  for (const item of items) {
    const sku = skus.get(item.skuId);
    if (!sku) continue;
    const available = sku.sellable && sku.stock >= item.qty;
    lines.push({
      skuId: item.skuId,
      qty: item.qty,
      unitPriceFen: sku.unitPriceFen,
      lineTotalFen: timesQty(sku.unitPriceFen, item.qty),
      available,
    });
  }
  const counted = lines.filter((l) => l.available);
  return {
    lines,
    totalFen: counted.length ? sumFen(counted.map((l) => l.lineTotalFen)) : fen(0),
    count: counted.reduce((n, l) => n + l.qty, 0),
  };
}
