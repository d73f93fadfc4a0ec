/** Integer fen. Branded so a plain number never passes for money by accident. */
export type Fen = number & { readonly __brand: 'Fen' };
/** Integer points. */
export type Points = number & { readonly __brand: 'Points' };

/** Brands an integer amount of fen; throws on a non-integer or negative value (a bug, not input). */
export function fen(amount: number): Fen {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError(`not a fen amount: ${amount}`);
  return amount as Fen;
}

export function points(amount: number): Points {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`not a points amount: ${amount}`);
  return amount as Points;
}

/** Multiplies a unit price by a quantity, staying in integer fen. */
export function timesQty(unit: Fen, qty: number): Fen {
  return fen(unit * qty);
}

export function sumFen(amounts: readonly Fen[]): Fen {
  return fen(amounts.reduce((total, a) => total + a, 0));
}
