/**
 * Japanese era (和暦) dates: "令和8年12月31日", "令和元年5月1日", "R8.12.31", "H31/4/30", "昭和64年1月7日".
 * Each era starts on the day the emperor acceded; a date outside its era's span is not a date.
 */
interface Era {
  names: readonly string[];
  /** First day of the era as [year, month, day]. */
  start: readonly [number, number, number];
}

const ERAS: readonly Era[] = [
  { names: ["明治", "m"], start: [1868, 10, 23] },
  { names: ["大正", "t"], start: [1912, 7, 30] },
  { names: ["昭和", "s"], start: [1926, 12, 25] },
  { names: ["平成", "h"], start: [1989, 1, 8] },
  { names: ["令和", "r"], start: [2019, 5, 1] },
];

const NAMES = ERAS.flatMap((era) => era.names).join("|");
const ERA_DATE = new RegExp(
  `^(${NAMES})\\s*(元|\\d{1,2})\\s*(?:年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日|[./-](\\d{1,2})[./-](\\d{1,2}))(.*)$`,
  "i",
);

const key = (year: number, month: number, day: number) => year * 10_000 + month * 100 + day;

export interface EraDate {
  year: number;
  month: number;
  day: number;
  /** Whatever followed the date (a time, a weekday), for the caller to read. */
  rest: string;
}

/** Reads an era date (after NFKC, so "㋿" is "令和"), or `undefined` when it is not one or not a real day. */
export function readEraDate(value: string): EraDate | undefined {
  const match = ERA_DATE.exec(value);
  if (!match) return undefined;
  const name = match[1]!.toLowerCase();
  const index = ERAS.findIndex((era) => era.names.includes(name));
  const era = ERAS[index]!;
  const yearOfEra = match[2] === "元" ? 1 : Number(match[2]);
  if (yearOfEra < 1) return undefined;
  const year = era.start[0] + yearOfEra - 1;
  const month = Number(match[3] ?? match[5]);
  const day = Number(match[4] ?? match[6]);
  const next = ERAS[index + 1];
  const date = key(year, month, day);
  if (date < key(...era.start)) return undefined;
  if (next && date >= key(...next.start)) return undefined;
  return { year, month, day, rest: match[7] ?? "" };
}
