import { sql } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { perDatabase } from "../../../db/per-database.ts";
import { executePrepared, intArray } from "../../../db/prepared.ts";
import { at, kernel, slot, slotViews } from "./bitmap-kernel.ts";

/**
 * The search bitmaps held in the web process (docs/adr/0004-floor-search.md, "Fourth measurement"; the AND and
 * count pass in WebAssembly, bitmap-kernel.ts, "Fifth measurement").
 *
 * `search_bitmaps` (migration 0008) holds, per term, one 8,192-bit bitmap per chunk of document ids; a search
 * ANDs and ORs them. Done in SQL that costs 5–8 ms of PostgreSQL per broad search (reading ~700 rows, OR-ing and
 * counting them); done here, on typed arrays, a fraction of a millisecond, and PostgreSQL then only reads the rows
 * of the page. The copy is exactly the table at a search generation (`search_state.generation`, incremented in the
 * transaction of every change of the floor): it is read once in batches, then brought up to date by reading the
 * rows changed since its generation (`search_bitmaps.generation` and `search_bitmaps_removed`, migration 0014).
 * Beside the bitmaps it keeps, per document id, what ordering and price ranges need: the publication time (µs)
 * and the price in đồng.
 *
 * A chunk here is 256 unsigned 32-bit words; document `id` is bit `id & 31` of word `(id & 8191) >> 5` of chunk
 * `id >> 13` (PostgreSQL's bit strings put position 0 in the high bit of the first byte: converted on reading).
 */
export type Chunks = Map<number, Int32Array>;

const chunkShift = 13;
const chunkBits = 1 << chunkShift;
const chunkWords = chunkBits / 32;
/** Terms read per statement while loading the whole table. */
const loadBatch = 4000;
/** Document ids read per statement while loading the documents' publication times and prices. */
const documentBatch = 1 << 16;

/** PostgreSQL's bit order (high bit of each byte first) to ours (low bit of each word first). */
const reversedBytes = new Uint8Array(256);
for (let byte = 0; byte < 256; byte += 1) {
  let reversed = 0;
  for (let bit = 0; bit < 8; bit += 1) if (byte & (1 << bit)) reversed |= 128 >> bit;
  reversedBytes[byte] = reversed;
}

/** The words of a chunk from `varbit_send(bits)`: 4 bytes of length (8,192 bits), then the bits. */
export function chunkOfVarbit(bytes: Uint8Array): Int32Array {
  const words = new Int32Array(chunkWords);
  const end = Math.min(bytes.length, 4 + chunkBits / 8);
  for (let index = 4; index < end; index += 1) {
    const byte = bytes[index]!;
    if (byte !== 0) {
      const offset = index - 4;
      words[offset >> 2]! |= reversedBytes[byte]! << ((offset & 3) * 8);
    }
  }
  return words;
}

/** The bits set in a 32-bit word (the tests count with it what the kernel counts). */
export function bitCount(word: number): number {
  let value = word - ((word >>> 1) & 0x55555555);
  value = (value & 0x33333333) + ((value >>> 2) & 0x33333333);
  return (((value + (value >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** pg_trgm's similarity of two sets of trigrams: shared / (all distinct). */
export function trigramSimilarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const trigram of a) if (b.has(trigram)) shared += 1;
  return shared / (a.size + b.size - shared);
}

/** pg_trgm's trigrams of a word of letters: lower case, two spaces before and one after. */
export function trigramsOf(word: string): Set<string> {
  const padded = `  ${word} `;
  const found = new Set<string>();
  for (let index = 0; index + 3 <= padded.length; index += 1) found.add(padded.slice(index, index + 3));
  return found;
}

/** The position of the first of the ordered `values` that is not before `value`. */
function lowerBound(values: readonly string[], value: string): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (values[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Documents found by `evaluate`: the words of chunk `chunks[k]` are `words[k * 256 … k * 256 + 255]` (one array per
 * search, not one per chunk).
 */
export type Matches = { chunks: number[]; words: Int32Array };

const emptyMatches = (): Matches => ({ chunks: [], words: new Int32Array(0) });

/** The documents of `matches`, in id order. */
export function idsOf(matches: Matches): number[] {
  const ids: number[] = [];
  const positions = matches.chunks.map((_chunk, position) => position);
  positions.sort((a, b) => matches.chunks[a]! - matches.chunks[b]!);
  for (const position of positions) {
    const base = matches.chunks[position]! << chunkShift;
    for (let index = 0; index < chunkWords; index += 1) {
      let word = matches.words[position * chunkWords + index]!;
      while (word !== 0) {
        const lowest = word & -word;
        ids.push(base + index * 32 + 31 - Math.clz32(lowest));
        word ^= lowest;
      }
    }
  }
  return ids;
}

/** Orders of a page known from the copy alone (the SQL `order by` of page.ts, without the score). */
export type Order = "newest" | "price-asc" | "price-desc";

type Row = { kind: string; term: string; chunk: number; bytes: Uint8Array | null };

export class FloorIndex {
  /** The search generation the copy is exactly at; null until it is loaded. */
  generation: number | null = null;
  private readonly terms = new Map<string, Chunks>();
  /** Per kind, the terms in order (for prefixes and ranges); rebuilt when terms come or go. */
  private readonly sortedTerms = new Map<string, string[]>();
  /** Per document id: publication time in µs since 1970 (-Infinity: no document), price in đồng (NaN: none). */
  private published = new Float64Array(0);
  private prices = new Float64Array(0);
  /** Per chunk, the latest publication time of its documents: chunks older than a page need not be read. */
  private chunkNewest = new Float64Array(0);
  /** The latest publication time of each word's 32 documents: newest first, a word older than the last kept is skipped. */
  private wordNewest = new Float64Array(0);
  /** Whether every price is a whole number JavaScript holds exactly (below 2^53 đồng). */
  private pricesExact = true;
  private readonly slabs: Int32Array[] = [];
  /** The floor's vocabulary (`search_words`, in order), read again at every change of the floor. */
  private vocabulary: string[] = [];
  /** The trigrams of the vocabulary's words, as they are needed. */
  private readonly trigrams = new Map<string, Set<string>>();
  /** correctionCandidates' answers, until the vocabulary changes (a typo's scan of it cost a twelfth of a search). */
  private readonly candidates = new Map<string, readonly string[]>();
  /** Unions of terms already computed at this generation (the scope's provinces, a prefix's words…). */
  private readonly unions = new Map<string, Chunks>();
  private loading: Promise<void> | null = null;
  private syncing: Promise<void> | null = null;
  private closed = false;
  /** How many times the whole copy was read (for tests and the benchmark). */
  loads = 0;

  constructor(private readonly db: Executor) {}

  get ready(): boolean {
    return this.generation !== null;
  }

  /** Starts loading the whole copy, once; searches use SQL meanwhile. */
  load(): Promise<void> {
    this.loading ??= this.loadAll().catch((error: unknown) => {
      this.loading = null;
      if (!this.closed) throw error;
    });
    return this.loading;
  }

  /** Stops: a load under way ends at its next statement. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.allSettled([this.loading, this.syncing]);
  }

  /**
   * Brings the copy to `generation` or later (what the database holds now); false when there is no copy yet (the
   * load is started), so the caller searches with SQL instead.
   */
  async reach(generation: number): Promise<boolean> {
    if (this.generation === null) {
      void this.load().catch(() => {});
      return false;
    }
    for (let attempt = 0; attempt < 3 && (this.generation ?? 0) < generation; attempt += 1) await this.sync();
    return this.generation !== null && this.generation >= generation;
  }

  /** Reads the changes since the copy's generation; concurrent callers share one reading. */
  sync(): Promise<void> {
    this.syncing ??= this.readChanges().finally(() => {
      this.syncing = null;
    });
    return this.syncing;
  }

  private async loadAll(): Promise<void> {
    this.loads += 1;
    const state = await executePrepared<{ generation: number }>(
      this.db,
      "search",
      sql`select generation::float8 as generation from search_state where id = 1`,
    );
    const start = Number(state[0]?.generation ?? 0);
    let after: Row | null = null;
    for (;;) {
      if (this.closed) return;
      const rows: Row[] = await executePrepared<Row>(
        this.db,
        "search",
        after === null
          ? sql`select kind::text as kind, term, chunk, varbit_send(bits) as bytes from search_bitmaps
              order by kind, term, chunk limit ${loadBatch}`
          : sql`select kind::text as kind, term, chunk, varbit_send(bits) as bytes from search_bitmaps
              where (kind, term, chunk) > (${after.kind}::"char", ${after.term}::text collate "C", ${after.chunk}::int)
              order by kind, term, chunk limit ${loadBatch}`,
      );
      for (const row of rows) this.put(row);
      if (rows.length < loadBatch) break;
      after = rows.at(-1)!;
    }
    const maximum = await executePrepared<{ id: number | null }>(
      this.db,
      "search",
      sql`select max(id)::float8 as id from search_documents`,
    );
    const last = Number(maximum[0]?.id ?? 0);
    const chunksPerBatch = documentBatch >> chunkShift;
    for (let first = 0; first <= last >> chunkShift; first += chunksPerBatch) {
      if (this.closed) return;
      await this.readDocuments(Array.from({ length: chunksPerBatch }, (_chunk, offset) => first + offset));
    }
    // Whatever changed while the batches were read is read again: the copy is then exactly at one generation.
    this.generation = start;
    this.sortedTerms.clear();
    await this.readChanges(true);
  }

  private put(row: Row): void {
    const key = row.kind + row.term;
    let chunks = this.terms.get(key);
    if (row.bytes === null) {
      chunks?.delete(Number(row.chunk));
      if (chunks?.size === 0) {
        this.terms.delete(key);
        this.sortedTerms.delete(row.kind);
      }
      return;
    }
    if (chunks === undefined) {
      chunks = new Map();
      this.terms.set(key, chunks);
      this.sortedTerms.delete(row.kind);
    }
    chunks.set(Number(row.chunk), chunkOfVarbit(row.bytes));
  }

  /** The publication times and prices of the documents of `chunks` (one statement, whatever their number). */
  private async readDocuments(chunks: readonly number[]): Promise<void> {
    if (chunks.length === 0) return;
    const rows = await executePrepared<{ id: number; published: number; price: number | null }>(
      this.db,
      "search",
      sql`select d.id::float8 as id, (extract(epoch from d.published_at) * 1000000)::float8 as published,
          d.price_dong::float8 as price
        from unnest(${intArray(chunks)}) as c(chunk)
        join search_documents d on d.id >= c.chunk::bigint << ${sql.raw(String(chunkShift))}
          and d.id < (c.chunk::bigint + 1) << ${sql.raw(String(chunkShift))}`,
    );
    this.grow((Math.max(...chunks) + 1) << chunkShift);
    for (const chunk of chunks) {
      this.published.fill(Number.NEGATIVE_INFINITY, chunk << chunkShift, (chunk + 1) << chunkShift);
      this.prices.fill(Number.NaN, chunk << chunkShift, (chunk + 1) << chunkShift);
      this.chunkNewest[chunk] = Number.NEGATIVE_INFINITY;
      this.wordNewest.fill(Number.NEGATIVE_INFINITY, chunk * chunkWords, (chunk + 1) * chunkWords);
    }
    for (const row of rows) {
      const id = Number(row.id);
      const published = Number(row.published);
      this.published[id] = published;
      const price = row.price === null ? Number.NaN : Number(row.price);
      if (!Number.isNaN(price) && !Number.isSafeInteger(price)) this.pricesExact = false;
      this.prices[id] = price;
      const chunk = id >> chunkShift;
      if (published > this.chunkNewest[chunk]!) this.chunkNewest[chunk] = published;
      if (published > this.wordNewest[id >> 5]!) this.wordNewest[id >> 5] = published;
    }
  }

  private grow(to: number): void {
    if (to <= this.published.length) return;
    let size = Math.max(this.published.length, 1 << 16);
    while (size < to) size *= 2;
    const published = new Float64Array(size).fill(Number.NEGATIVE_INFINITY);
    published.set(this.published);
    const prices = new Float64Array(size).fill(Number.NaN);
    prices.set(this.prices);
    const chunkNewest = new Float64Array(size >> chunkShift).fill(Number.NEGATIVE_INFINITY);
    chunkNewest.set(this.chunkNewest);
    const wordNewest = new Float64Array(size >> 5).fill(Number.NEGATIVE_INFINITY);
    wordNewest.set(this.wordNewest);
    this.published = published;
    this.prices = prices;
    this.chunkNewest = chunkNewest;
    this.wordNewest = wordNewest;
  }

  private async readChanges(always = false): Promise<void> {
    const since = this.generation ?? 0;
    // The vocabulary only grows, and in the transactions that change documents: read again when the generation moved.
    const rows = await executePrepared<
      Row & { generation: number | null; horizon: number | null; words: string[] | null }
    >(
      this.db,
      "search",
      sql`select null::text as kind, null::text as term, null::int as chunk, null::bytea as bytes,
          generation::float8 as generation, removed_horizon::float8 as horizon,
          case when ${always}::boolean or generation > ${since}::bigint
            then array(select word from search_words order by word collate "C") end as words
        from search_state where id = 1
        union all
        select kind::text, term, chunk, null, null, null, null from search_bitmaps_removed
        where generation > ${since}::bigint
        union all
        select kind::text, term, chunk, varbit_send(bits), null, null, null from search_bitmaps
        where generation > ${since}::bigint`,
    );
    const state = rows.find((row) => row.kind === null);
    const generation = Number(state?.generation ?? since);
    if (state?.words) {
      this.vocabulary = state.words;
      this.candidates.clear();
    }
    if (since < Number(state?.horizon ?? 0)) {
      // Removals this copy has not seen are forgotten: read everything again.
      this.clear();
      await this.loadAll();
      return;
    }
    const changed = new Set<number>();
    // Removals first: a term's chunk removed and then filled again is in both lists.
    for (const row of rows) if (row.kind !== null && row.bytes === null) this.put(row);
    for (const row of rows) if (row.kind !== null && row.bytes !== null) this.put(row);
    for (const row of rows) if (row.kind !== null) changed.add(Number(row.chunk));
    await this.readDocuments([...changed]);
    if (changed.size > 0) this.unions.clear();
    this.generation = Math.max(this.generation ?? 0, generation);
  }

  private clear(): void {
    this.generation = null;
    this.terms.clear();
    this.sortedTerms.clear();
    this.unions.clear();
    this.published = new Float64Array(0);
    this.prices = new Float64Array(0);
    this.chunkNewest = new Float64Array(0);
    this.wordNewest = new Float64Array(0);
    this.pricesExact = true;
  }

  /** Whether price ranges can be checked here (every price below 2^53 đồng). */
  get canCheckPrices(): boolean {
    return this.pricesExact;
  }

  /** The terms of one kind that satisfy `accept`, in order; `from` skips the ones before it. */
  termsOf(kind: string, from: string, accept: (term: string) => boolean): string[] {
    let sorted = this.sortedTerms.get(kind);
    if (sorted === undefined) {
      sorted = [];
      for (const key of this.terms.keys()) if (key.startsWith(kind)) sorted.push(key.slice(kind.length));
      sorted.sort();
      this.sortedTerms.set(kind, sorted);
    }
    const found: string[] = [];
    for (let index = lowerBound(sorted, from); index < sorted.length && accept(sorted[index]!); index += 1)
      found.push(sorted[index]!);
    return found;
  }

  /** Whether the floor's vocabulary has `word`. */
  knows(word: string): boolean {
    const at = lowerBound(this.vocabulary, word);
    return this.vocabulary[at] === word;
  }

  /** Whether a word of the vocabulary starts with `prefix`. */
  hasPrefix(prefix: string): boolean {
    return this.vocabulary[lowerBound(this.vocabulary, prefix)]?.startsWith(prefix) ?? false;
  }

  /**
   * The words the SQL candidates of a correction would come from (query.ts, correctionsOf): those that start with
   * the same letter and are at most `edits` letters longer or shorter, and the trigram neighbours (pg_trgm's `%`:
   * similarity of at least 0.3). Here all of them, where the SQL keeps the first 5,000 and 200.
   */
  correctionCandidates(token: string, edits: number): readonly string[] {
    const key = `${token}\u0000${edits}`;
    const known = this.candidates.get(key);
    if (known !== undefined) return known;
    const found = this.scanForCorrections(token, edits);
    if (this.candidates.size >= 1_000) this.candidates.delete(this.candidates.keys().next().value as string);
    this.candidates.set(key, found);
    return found;
  }

  private scanForCorrections(token: string, edits: number): string[] {
    const first = token.slice(0, 1);
    const found: string[] = [];
    const mine = trigramsOf(token);
    for (let index = lowerBound(this.vocabulary, first); index < this.vocabulary.length; index += 1) {
      const word = this.vocabulary[index]!;
      if (!word.startsWith(first)) break;
      if (Math.abs(word.length - token.length) <= edits) found.push(word);
    }
    for (const word of this.vocabulary) {
      if (word.startsWith(first)) continue;
      const theirs = this.trigrams.get(word) ?? trigramsOf(word);
      this.trigrams.set(word, theirs);
      if (trigramSimilarity(mine, theirs) >= 0.3) found.push(word);
    }
    return found;
  }

  /** Whether `values` include every term of `kind` that starts with `prefix` (every province on the floor…). */
  coversAll(kind: string, prefix: string, values: readonly string[]): boolean {
    const given = new Set(values);
    return this.termsOf(kind, prefix, (term) => term.startsWith(prefix)).every((term) => given.has(term));
  }

  /** The OR of the bitmaps of the terms of one kind from `from` on that satisfy `accept` (see termsOf). */
  unionWhere(kind: string, name: string, from: string, accept: (term: string) => boolean): Chunks {
    const key = `${kind}\u0001${name}`;
    return this.remembered(key) ?? this.union(kind, this.termsOf(kind, from, accept), key);
  }

  private remembered(key: string): Chunks | undefined {
    const known = this.unions.get(key);
    if (known) {
      this.unions.delete(key);
      this.unions.set(key, known);
    }
    return known;
  }

  /**
   * The OR of the bitmaps of `terms` of one kind, kept until the next change under `key` (scopes, prefixes and the
   * past days repeat from one search to the next).
   */
  union(kind: string, terms: readonly string[], key = `${kind}\u0000${terms.join("\u0000")}`): Chunks {
    if (terms.length === 1) return this.terms.get(kind + terms[0]) ?? new Map();
    const known = this.remembered(key);
    if (known) return known;
    const result: Chunks = new Map();
    for (const term of terms) {
      for (const [chunk, words] of this.terms.get(kind + term) ?? []) {
        const target = result.get(chunk);
        if (target === undefined) result.set(chunk, words.slice());
        else for (let index = 0; index < chunkWords; index += 1) target[index]! |= words[index]!;
      }
    }
    this.unions.set(key, result);
    if (this.unions.size > 64) this.unions.delete(this.unions.keys().next().value as string);
    return result;
  }

  /**
   * One pass over the chunks: the documents in every set of `sets` and in none of `without` (and, with `price`, whose
   * price is in the range) are the matches; it counts them and those in `offers` and in `enterprises`, and keeps
   * the matches of `type` (products: neither offers nor enterprises) and, with `titles`, those of them also in
   * every set of `titles`.
   */
  evaluate(query: {
    sets: readonly Chunks[];
    without: readonly Chunks[];
    price: { min: number; max: number } | null;
    offers: Chunks;
    enterprises: Chunks;
    type: "all" | "product" | "offer" | "enterprise";
    titles: readonly Chunks[] | null;
  }): {
    counts: { all: number; offer: number; enterprise: number };
    selected: Matches;
    top: Matches | null;
    /** How many documents `top` holds. */
    topCount: number;
  } {
    const { sets, without, titles, type } = query;
    let all = 0;
    let offerCount = 0;
    let enterpriseCount = 0;
    let topCount = 0;
    if (sets.length === 0)
      return {
        counts: { all, offer: offerCount, enterprise: enterpriseCount },
        selected: emptyMatches(),
        top: titles && emptyMatches(),
        topCount: 0,
      };
    const smallest = sets.reduce((a, b) => (b.size < a.size ? b : a));
    const selected: Matches = { chunks: [], words: this.slab(smallest.size * chunkWords) };
    const top: Matches | null = titles && { chunks: [], words: this.slab(smallest.size * chunkWords) };
    const others: Int32Array[] = [];
    const { words, kept, titles: titleWords } = slotViews;
    const keepOffers = type === "all" || type === "offer" ? -1 : 0;
    const keepEnterprises = type === "all" || type === "enterprise" ? -1 : 0;
    const keepProducts = type === "all" || type === "product" ? -1 : 0;
    // Per chunk: the chunks copied into the kernel's slots, ANDed and counted there (bitmap-kernel.ts).
    chunks: for (const [chunk, first] of smallest) {
      others.length = 0;
      for (const set of sets) {
        if (set === smallest) continue;
        const other = set.get(chunk);
        if (other === undefined) continue chunks;
        others.push(other);
      }
      const second = others.pop();
      const excluded = without.length > 0 ? without[0]!.get(chunk) : undefined;
      kernel.andAndNot(
        at(first, slot.first),
        second === undefined ? slot.ones : at(second, slot.second),
        excluded === undefined ? slot.zeros : at(excluded, slot.excluded),
        slot.words,
      );
      for (const other of others) kernel.andInto(at(other, slot.other), slot.words);
      for (let position = 1; position < without.length; position += 1) {
        const other = without[position]!.get(chunk);
        if (other !== undefined) kernel.andNotInto(at(other, slot.other), slot.words);
      }
      if (query.price !== null) this.keepPriced(chunk, words, query.price.min, query.price.max);
      const offers = query.offers.get(chunk);
      const enterprises = query.enterprises.get(chunk);
      const found = kernel.countAndKeep(
        slot.words,
        offers === undefined ? slot.zeros : at(offers, slot.offers),
        enterprises === undefined ? slot.zeros : at(enterprises, slot.enterprises),
        slot.kept,
        keepOffers,
        keepEnterprises,
        keepProducts,
      );
      if (found === 0) continue;
      all += found;
      offerCount += kernel.offers.value as number;
      enterpriseCount += kernel.enterprises.value as number;
      if (kernel.kept.value === 0) continue;
      selected.words.set(kept, selected.chunks.length * chunkWords);
      selected.chunks.push(chunk);
      if (top === null || titles === null) continue;
      others.length = 0;
      for (const set of titles) {
        const other = set.get(chunk);
        if (other === undefined) continue chunks;
        others.push(other);
      }
      titleWords.set(kept);
      let left = 0;
      for (const other of others) left = kernel.andInto(at(other, slot.other), slot.titles);
      if (left === 0) continue;
      topCount += left;
      top.words.set(titleWords, top.chunks.length * chunkWords);
      top.chunks.push(chunk);
    }
    return { counts: { all, offer: offerCount, enterprise: enterpriseCount }, selected, top, topCount };
  }

  /**
   * A free array of at least `size` words for `evaluate`'s results; `release` gives it back. Reused because
   * allocating ~100 KB per search made the garbage collector run about once per search.
   */
  private slab(size: number): Int32Array {
    const index = this.slabs.findIndex((slab) => slab.length >= size);
    if (index === -1) return new Int32Array(size);
    return this.slabs.splice(index, 1)[0]!;
  }

  /** Gives back the arrays of searches that are done with their matches. */
  release(...matches: (Matches | null)[]): void {
    for (const found of matches)
      if (found !== null && found.words.length > 0 && this.slabs.length < 16) this.slabs.push(found.words);
  }

  /** Clears in `words` (chunk `chunk`) the documents without a price in [min, max] (SQL: no price, no match). */
  private keepPriced(chunk: number, words: Int32Array, min: number, max: number): void {
    const prices = this.prices;
    const base = chunk << chunkShift;
    for (let index = 0; index < chunkWords; index += 1) {
      let word = words[index]!;
      let kept = word;
      while (word !== 0) {
        const lowest = word & -word;
        const price = prices[base + index * 32 + 31 - Math.clz32(lowest)]!;
        // NaN (no price) fails both comparisons.
        if (!(price >= min && price <= max)) kept &= ~lowest;
        word ^= lowest;
      }
      words[index] = kept;
    }
  }

  /** Whether document `a` comes before `b` in `order`. */
  private comparator(order: Order): (a: number, b: number) => boolean {
    const published = this.published;
    const prices = this.prices;
    const newer = (a: number, b: number) =>
      published[a]! > published[b]! || (published[a] === published[b] && a > b);
    if (order === "newest") return newer;
    const ascending = order === "price-asc";
    return (a, b) => {
      const first = prices[a]!;
      const second = prices[b]!;
      // nulls last in both directions, then newest first.
      if (Number.isNaN(first) !== Number.isNaN(second)) return Number.isNaN(second);
      if (first !== second && !Number.isNaN(first)) return ascending ? first < second : first > second;
      return newer(a, b);
    };
  }

  /**
   * The first `limit` documents of `set` in `order`, in that order: a bounded heap whose root is the last kept
   * document. Newest first, the chunks are read from the one with the latest document, the reading stops at a
   * chunk whose latest document comes after the last kept, and words (32 documents) that do are skipped.
   */
  first(set: Matches, limit: number, order: Order): number[] {
    if (limit <= 0) return [];
    const before = this.comparator(order);
    const published = this.published;
    const wordNewest = this.wordNewest;
    const newest = order === "newest";
    const heap: number[] = [];
    const positions = set.chunks.map((_chunk, position) => position);
    if (order === "newest")
      positions.sort((a, b) => this.chunkNewest[set.chunks[b]!]! - this.chunkNewest[set.chunks[a]!]!);
    for (const position of positions) {
      const chunk = set.chunks[position]!;
      if (order === "newest" && heap.length === limit && this.chunkNewest[chunk]! < published[heap[0]!]!)
        break;
      const words = set.words;
      const offset = position * chunkWords;
      const base = chunk << chunkShift;
      const wordBase = chunk * chunkWords;
      for (let index = 0; index < chunkWords; index += 1) {
        let word = words[offset + index]!;
        // Newest first, with the heap full: a word whose 32 documents are all older than the root holds nothing.
        if (
          newest &&
          word !== 0 &&
          heap.length === limit &&
          wordNewest[wordBase + index]! < published[heap[0]!]!
        )
          continue;
        while (word !== 0) {
          const lowest = word & -word;
          const id = base + index * 32 + 31 - Math.clz32(lowest);
          word ^= lowest;
          // Sift with a moving hole rather than swaps (a destructuring swap allocated an array each time).
          if (heap.length < limit) {
            let at = heap.length;
            heap.push(id);
            while (at > 0) {
              const parent = (at - 1) >> 1;
              const above = heap[parent]!;
              if (!before(above, id)) break;
              heap[at] = above;
              at = parent;
            }
            heap[at] = id;
          } else if (before(id, heap[0]!)) {
            let at = 0;
            for (;;) {
              const left = at * 2 + 1;
              if (left >= limit) break;
              let child = left;
              if (left + 1 < limit && before(heap[left]!, heap[left + 1]!)) child = left + 1;
              const below = heap[child]!;
              if (!before(id, below)) break;
              heap[at] = below;
              at = child;
            }
            heap[at] = id;
          }
        }
      }
    }
    return heap.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
  }
}

/** For the readiness check: whether searches are answered from the copy yet. */
export function floorIndexState(db: Executor, enabled: boolean): "off" | "loading" | "ready" {
  if (!enabled) return "off";
  return indexes.peek(db)?.ready ? "ready" : "loading";
}

/** One copy per database (the application's, or a test's). */
const indexes = perDatabase((db) => new FloorIndex(db));

export const floorIndexOf = (db: Executor): FloorIndex => indexes.of(db);
