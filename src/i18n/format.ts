/**
 * The one place numbers, money, dates and times become text: `Intl` in the user's locale and time zone.
 * Components get a bound `Formatter` from `useFormat()`; code outside React calls `createFormatter`.
 */
export interface FormatSettings {
  /** A BCP 47 locale, e.g. "ja-JP" (see `formattingLocale`). */
  locale: string;
  /** An IANA time zone; `undefined` is the browser's own. */
  timeZone?: string | undefined;
}

export interface Formatter {
  readonly locale: string;
  /** 6,265 · 6.265 — grouped, up to 20 fraction digits (a quantity is shown as it will be sent). */
  number(value: number): string;
  /** An amount with its currency: ¥6,265 (no decimals for JPY), $12.50, 12,50 €. */
  money(amount: number, currency: string): string;
  /** A percentage of a 0–100 value: 12.5 → 12.5%. */
  percent(value: number): string;
  /** A calendar date without a time ("2026-12-31" as HubSpot sends date properties): never shifted by the time zone. */
  calendarDate(isoDate: string): string;
  /** An instant's date in the user's time zone. */
  date(instant: Date | number | string): string;
  /** An instant's date and time in the user's time zone. */
  dateTime(instant: Date | number | string): string;
  /** An instant's time of day (with seconds) in the user's time zone. */
  time(instant: Date | number | string): string;
  /** A duration in milliseconds, e.g. "120 ms". */
  milliseconds(value: number): string;
  /** A duration given in milliseconds, shown in seconds with one decimal: 2500 → "2.5 s" (ja: "2.5 秒"). */
  seconds(milliseconds: number): string;
  /** A duration: "2 min 5 sec" · "2 分 5 秒"; "under a second" is the caller's message. */
  duration(milliseconds: number): string;
  /** "a, b, and c" · "a、b、c": items joined the way the locale lists things. */
  list(items: readonly string[]): string;
  /** A file size: "512 bytes" · "12 kB" · "50.5 MB" (binary multiples, as file managers count). */
  bytes(value: number): string;
}

const toDate = (instant: Date | number | string) => (instant instanceof Date ? instant : new Date(instant));

/** `Intl` constructors are slow (~20 µs) and toolbars render on every edit: build each formatter once. */
function memo<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => {
    value ??= make();
    return value;
  };
}

export function createFormatter({ locale, timeZone }: FormatSettings): Formatter {
  const numberFormat = memo(() => new Intl.NumberFormat(locale, { maximumFractionDigits: 20 }));
  const percentFormat = memo(
    () => new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 }),
  );
  const msFormat = memo(() => new Intl.NumberFormat(locale, { style: "unit", unit: "millisecond" }));
  const secondFormat = memo(
    () => new Intl.NumberFormat(locale, { style: "unit", unit: "second", maximumFractionDigits: 1 }),
  );
  const minuteUnit = memo(() => new Intl.NumberFormat(locale, { style: "unit", unit: "minute" }));
  const secondUnit = memo(() => new Intl.NumberFormat(locale, { style: "unit", unit: "second" }));
  const listFormat = memo(() => new Intl.ListFormat(locale, { type: "conjunction" }));
  const byteUnits = (["byte", "kilobyte", "megabyte"] as const).map((unit) =>
    memo(
      () =>
        new Intl.NumberFormat(locale, {
          style: "unit",
          unit,
          // "512 bytes" · "512 バイト": the short "byte" is not a plural in English.
          unitDisplay: unit === "byte" ? "long" : "short",
          maximumFractionDigits: 1,
        }),
    ),
  );
  const calendarFormat = memo(
    () => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }),
  );
  const dateFormat = memo(() => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone }));
  const dateTimeFormat = memo(
    () => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }),
  );
  const timeFormat = memo(() => new Intl.DateTimeFormat(locale, { timeStyle: "medium", timeZone }));
  const moneyFormats = new Map<string, Intl.NumberFormat | undefined>();
  const moneyFormat = (currency: string) => {
    if (!moneyFormats.has(currency)) {
      try {
        moneyFormats.set(currency, new Intl.NumberFormat(locale, { style: "currency", currency }));
      } catch {
        // Not an ISO 4217 code (a typo in a cell): shown as number and code rather than not at all.
        moneyFormats.set(currency, undefined);
      }
    }
    return moneyFormats.get(currency);
  };
  const instant = (format: () => Intl.DateTimeFormat) => (value: Date | number | string) => {
    const date = toDate(value);
    return Number.isNaN(date.getTime()) ? String(value) : format().format(date);
  };

  return {
    locale,
    number: (value) => numberFormat().format(value),
    money: (amount, currency) =>
      moneyFormat(currency)?.format(amount) ?? `${numberFormat().format(amount)} ${currency}`,
    percent: (value) => percentFormat().format(value / 100),
    calendarDate: (isoDate) => {
      const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
      return Number.isNaN(date.getTime()) ? isoDate : calendarFormat().format(date);
    },
    date: instant(dateFormat),
    dateTime: instant(dateTimeFormat),
    time: instant(timeFormat),
    milliseconds: (value) => msFormat().format(Math.round(value)),
    seconds: (milliseconds) => secondFormat().format(milliseconds / 1000),
    list: (items) => listFormat().format(items),
    bytes: (value) => {
      const power = value >= 1024 * 1024 ? 2 : value >= 1024 ? 1 : 0;
      const scaled = value / 1024 ** power;
      // Whole kilobytes read better; megabytes keep one decimal ("50.5 MB" is over a 50 MB limit).
      return byteUnits[power]!().format(power === 1 ? Math.round(scaled) : scaled);
    },
    duration: (milliseconds) => {
      const seconds = Math.max(1, Math.round(milliseconds / 1000));
      const minutes = Math.floor(seconds / 60);
      const rest = seconds % 60;
      if (minutes === 0) return secondUnit().format(rest);
      return rest === 0
        ? minuteUnit().format(minutes)
        : `${minuteUnit().format(minutes)} ${secondUnit().format(rest)}`;
    },
  };
}

/**
 * "2026-12-01_19-30-05": an instant in the user's time zone for file names (sortable, no `:` for Windows),
 * so an export made at 19:30 in Tokyo is named 19-30, as the screen shows it, not by UTC.
 */
export function fileTimestamp(instant: Date | number | string, timeZone?: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  }).formatToParts(toDate(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "00";
  return `${part("year")}-${part("month")}-${part("day")}_${part("hour")}-${part("minute")}-${part("second")}`;
}
