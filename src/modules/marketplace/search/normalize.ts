import { foldVietnamese } from "../../../platform/text.ts";

/**
 * The query as the index sees it. `search_documents.search_text` is folded by the database's fold_vietnamese
 * (no tone marks, đ → d, lower case) and split into words by PostgreSQL's 'simple' text-search parser; the
 * query goes through the same folding and keeps only letters and digits, so "Thủy  SẢN!" and "thuy san" are
 * the same query.
 */
export type NormalizedQuery = {
  /** Folded words, in order, without duplicates; at most `maxTokens`. */
  tokens: string[];
  /** The folded words joined by one space: the phrase looked for in titles. */
  phrase: string;
};

export const maxTokens = 8;
const maxTokenLength = 40;

export function normalizeQuery(raw: string): NormalizedQuery {
  const folded = foldVietnamese(raw.normalize("NFC"));
  const tokens: string[] = [];
  for (const word of folded.split(/[^a-z0-9]+/)) {
    if (word === "" || tokens.includes(word)) continue;
    tokens.push(word.slice(0, maxTokenLength));
    if (tokens.length === maxTokens) break;
  }
  return { tokens, phrase: tokens.join(" ") };
}

/**
 * Optimal string alignment distance (Levenshtein with adjacent transpositions), stopping early once it exceeds
 * `limit`: "sna" → "san" is 1, "dieuu" → "dieu" is 1.
 */
export function editDistance(a: string, b: string, limit = 2): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i += 1) {
    const row = new Array<number>(b.length + 1).fill(0);
    row[0] = i;
    rows.push(row);
  }
  for (let j = 0; j <= b.length; j += 1) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    let rowMinimum = Number.POSITIVE_INFINITY;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, rows[i - 2]![j - 2]! + 1);
      }
      rows[i]![j] = value;
      rowMinimum = Math.min(rowMinimum, value);
    }
    if (rowMinimum > limit) return limit + 1;
  }
  return rows[a.length]![b.length]!;
}

/** Edits allowed for a word of this length: none for 1–2 letters, one up to 6, two from 7 ("hat dieuu"). */
export function allowedEdits(word: string): number {
  if (word.length <= 2) return 0;
  return word.length <= 6 ? 1 : 2;
}

/**
 * Splits `text` into runs for highlighting: a run is marked when its folded word equals a term, or starts with
 * `prefix` (the last word typed). Only words are compared; the text itself is returned unchanged.
 */
export function highlightRuns(
  text: string,
  terms: readonly string[],
  prefix: string | null,
): { text: string; match: boolean }[] {
  if (terms.length === 0 && !prefix) return [{ text, match: false }];
  const runs: { text: string; match: boolean }[] = [];
  for (const part of text.split(/([\p{L}\p{M}\p{N}]+)/u)) {
    if (part === "") continue;
    const folded = foldVietnamese(part);
    const match =
      /[\p{L}\p{N}]/u.test(part) &&
      (terms.includes(folded) || (prefix !== null && prefix.length > 0 && folded.startsWith(prefix)));
    const last = runs.at(-1);
    if (last && last.match === match && !match) last.text += part;
    else runs.push({ text: part, match });
  }
  return runs;
}
