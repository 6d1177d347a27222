// One formatter for the app: `toLocaleString()` builds one per call, and toolbars render on every edit.
const numberFormat = new Intl.NumberFormat();

/** "1 row", "2,000 rows": a count in the user's number format with the word that fits it. */
export function countOf(n: number, one: string, many = `${one}s`): string {
  return `${numberFormat.format(n)} ${n === 1 ? one : many}`;
}
