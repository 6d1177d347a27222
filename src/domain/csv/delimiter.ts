import { sampleRecords } from "./sample-records.ts";

export const CSV_DELIMITERS = [",", ";", "\t", "|"] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

const SAMPLE_CHARS = 64 * 1024;

/**
 * The delimiter whose field counts agree best across the sample's lines. Preamble lines ("Report generated
 * on…") disagree with every candidate, so the mode of the counts, not the first line, decides.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const sample = text.slice(0, SAMPLE_CHARS);
  let best: { delimiter: CsvDelimiter; score: number } = { delimiter: ",", score: 0 };
  for (const delimiter of CSV_DELIMITERS) {
    const counts = sampleRecords(sample, delimiter, 50)
      .filter((record) => record.some((field) => field.trim() !== ""))
      .map((record) => record.length);
    // The last record may be cut off by the sample window.
    if (sample.length < text.length) counts.pop();
    const { value: mode, share } = modeOf(counts);
    if (mode < 2) continue;
    // Agreement matters most; among equally consistent candidates, more columns wins.
    const score = share * 100 + Math.min(mode, 50) / 100;
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

export function modeOf(values: readonly number[]): { value: number; share: number } {
  const tally = new Map<number, number>();
  for (const value of values) tally.set(value, (tally.get(value) ?? 0) + 1);
  let mode = 0;
  let count = 0;
  for (const [value, seen] of tally) {
    if (seen > count || (seen === count && value > mode)) {
      mode = value;
      count = seen;
    }
  }
  return { value: mode, share: values.length === 0 ? 0 : count / values.length };
}
