/** "€1,250.00" in the quote's currency; a plain number when the code is not one Intl knows. */
export function formatMoney(amount: number, currency: string | undefined, locale?: string): string {
  const code = currency?.trim().toUpperCase();
  if (code && /^[A-Z]{3}$/.test(code)) {
    try {
      return new Intl.NumberFormat(locale, { style: "currency", currency: code }).format(amount);
    } catch {
      // An unknown code falls through to a plain number.
    }
  }
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount);
}
