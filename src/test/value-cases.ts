/**
 * One table of values as people enter them × the property they go into, with the wire value every entry
 * path (typing, paste, fill, CSV import, row details) must store. Property names are those of
 * `domain/csv/test-targets.ts`; the user is in UTC and the fallback day-month order is month first.
 */
export const VALUE_CASES: readonly (readonly [property: string, input: string, stored: string])[] = [
  // Dates, as spreadsheets in several countries write them.
  ["hs_expiration_date", "2026-12-31", "2026-12-31"],
  ["hs_expiration_date", "2026/12/31", "2026-12-31"],
  ["hs_expiration_date", "31.12.2026", "2026-12-31"],
  ["hs_expiration_date", "12/31/2026", "2026-12-31"],
  ["hs_expiration_date", "31/12/2026", "2026-12-31"],
  ["hs_expiration_date", "20261231", "2026-12-31"],
  ["hs_expiration_date", "2026年12月31日", "2026-12-31"],
  ["hs_expiration_date", "2026/12/31(木)", "2026-12-31"],
  ["hs_expiration_date", "31 Dec 2026", "2026-12-31"],
  ["hs_expiration_date", "December 31, 2026", "2026-12-31"],
  ["hs_expiration_date", "46387", "2026-12-31"],
  // Full-width forms from a Japanese IME or Excel.
  ["hs_expiration_date", "２０２６/１２/３１", "2026-12-31"],
  ["hs_expiration_date", "２０２６年１２月３１日", "2026-12-31"],
  ["hs_expiration_date", "\u30002026-12-31\u3000", "2026-12-31"],
  // Japanese eras.
  ["hs_expiration_date", "令和8年12月31日", "2026-12-31"],
  ["hs_expiration_date", "R8.12.31", "2026-12-31"],
  ["hs_expiration_date", "令和元年5月1日", "2019-05-01"],
  ["hs_expiration_date", "平成31年4月30日", "2019-04-30"],
  ["hs_expiration_date", "H1.1.8", "1989-01-08"],
  ["hs_expiration_date", "昭和64年1月7日", "1989-01-07"],
  // Not dates: kept as written, for validation to flag — never a silent 1900 date.
  ["hs_expiration_date", "15", "15"],
  ["hs_expiration_date", "2026-02-30", "2026-02-30"],
  ["hs_expiration_date", "平成31年5月1日", "平成31年5月1日"],
  ["hs_expiration_date", "next week", "next week"],
  // Date-times: zone-less ones are the user's local time (UTC here).
  ["hs_sent_at", "2026/12/31 10:30", "2026-12-31T10:30:00.000Z"],
  ["hs_sent_at", "31.12.2026 10:30", "2026-12-31T10:30:00.000Z"],
  ["hs_sent_at", "12/31/2026 1:30 PM", "2026-12-31T13:30:00.000Z"],
  ["hs_sent_at", "2026-12-31T10:30:00+09:00", "2026-12-31T10:30:00+09:00"],
  ["hs_sent_at", "46387.5", "2026-12-31T12:00:00.000Z"],
  ["hs_sent_at", "令和8年12月31日 09:00", "2026-12-31T09:00:00.000Z"],
  // Numbers.
  ["hs_discount", "１２３", "123"],
  ["hs_discount", "1.234,56", "1234.56"],
  ["hs_discount", "1 234,5", "1234.5"],
  ["hs_discount", "12,5", "12.5"],
  ["hs_discount", "¥1,000", "1000"],
  ["hs_discount", "１，０００円", "1000"],
  ["hs_discount", "－５", "-5"],
  ["hs_discount", "12 apples", "12 apples"],
  // Yes/no.
  ["hs_esign_enabled", "はい", "true"],
  ["hs_esign_enabled", "ＹＥＳ", "true"],
  ["hs_esign_enabled", "Nein", "false"],
  ["hs_esign_enabled", "maybe", "maybe"],
  // Options, by value or label, any case and width.
  ["hs_currency", "ＵＳＤ", "USD"],
  ["hs_currency", "eur", "EUR"],
  ["hs_currency", "japanese\u3000yen", "JPY"],
  ["hs_currency", "Yen", "Yen"],
  ["hs_status", "approval not needed", "APPROVAL_NOT_NEEDED"],
  ["hs_payment_types", "Credit card、ACH", "card;ach"],
  ["hs_payment_types", "wire; card", "wire;card"],
  ["hs_payment_types", "card; cash", "card; cash"],
  // Record ids.
  ["assoc:contacts:HUBSPOT_DEFINED:69", "１２, 34 ;56", "12;34;56"],
  ["assoc:contacts:HUBSPOT_DEFINED:69", "Ann Smith", "Ann Smith"],
  // Free text is sent as written.
  ["hs_title", "株式会社ＡＢＣ　見積", "株式会社ＡＢＣ　見積"],
  ["hs_title", " Renewal 2026 ", " Renewal 2026 "],
];
