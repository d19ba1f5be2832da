// A cohort's price with and without VAT (21%), and how it splits into instalments. All in whole euro cents: the
// VAT is what remains after rounding the other amount, so incl. = excl. + VAT always holds to the cent.
const VAT_PERCENT = 21;

export type PriceBreakdown = { inclCents: number; exclCents: number; vatCents: number };

/** Both amounts of a price stored with (`includesVat`) or without VAT. */
export function priceBreakdown(priceCents: number, includesVat: boolean): PriceBreakdown {
  if (includesVat) {
    const exclCents = Math.round((priceCents * 100) / (100 + VAT_PERCENT));
    return { inclCents: priceCents, exclCents, vatCents: priceCents - exclCents };
  }
  const vatCents = Math.round((priceCents * VAT_PERCENT) / 100);
  return { inclCents: priceCents + vatCents, exclCents: priceCents, vatCents };
}

/** `count` instalments that add up to the total exactly: the cents that do not divide go to the first ones. */
export function instalmentAmounts(totalCents: number, count: number): number[] {
  const n = Math.max(1, Math.floor(count));
  const base = Math.floor(totalCents / n);
  const rest = totalCents - base * n;
  return Array.from({ length: n }, (_, i) => base + (i < rest ? 1 : 0));
}
