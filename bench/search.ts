import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { loadConfig } from "../src/config.ts";
import type { Database } from "../src/db/client.ts";
import { prepareDatabase } from "../src/startup.ts";
import { generateListings } from "./generate-listings.ts";
import { type Measurement, measure } from "./load.ts";
import { peakRssMb, startServer } from "./server.ts";

/**
 * The floor-search benchmark: N generated listings (generate-listings.ts), then five kinds of query against
 * GET /api/v1/search with concurrent clients, each total compared with an independent SQL count (regular
 * expressions over the folded text, not the full-text index the service uses), and the index sizes.
 */
export const hostedProvinces = ["ba-ria-vung-tau", "dong-thap"];

type QueryKind = {
  kind: string;
  /** The API query string. */
  query: string;
  /** The expected total by another road: a predicate over search_documents `d`. */
  oracle: ReturnType<typeof sql>;
};

const open = sql`(d.expires_on is null or d.expires_on >= (now() at time zone 'Asia/Ho_Chi_Minh')::date)`;

async function queryKinds(db: Database): Promise<QueryKind[]> {
  const category = await db.execute(sql`select id from categories where slug = 'tom'`);
  const tomId = (category as unknown as { rows: { id: number }[] }).rows[0]?.id ?? 0;
  return [
    {
      kind: "broad, no diacritics",
      query: "q=ca+phe",
      oracle: sql`d.search_text ~ '\\mca\\M' and d.search_text ~ '\\mphe'`,
    },
    {
      kind: "broad, with diacritics",
      query: `q=${encodeURIComponent("cà phê")}`,
      oracle: sql`d.search_text ~ '\\mca\\M' and d.search_text ~ '\\mphe'`,
    },
    { kind: "prefix", query: "q=thu", oracle: sql`d.search_text ~ '\\mthu'` },
    {
      kind: "typo",
      query: "q=hat+dieuu",
      oracle: sql`d.search_text ~ '\\mhat\\M' and d.search_text ~ '\\mdieu\\M'`,
    },
    {
      kind: "selective, with filters",
      query: "q=tom&category=tom&ocop=4&priceMin=200.000&priceMax=600.000&type=product",
      oracle: sql`d.search_text ~ '\\mtom' and d.category_ids @> array[${tomId}::int] and d.ocop_stars >= 4
        and d.price_dong between 200000 and 600000 and d.doc_type = 'product'`,
    },
  ];
}

/**
 * BENCH_REUSE_LISTINGS=1 with BENCH_DATABASE_URL: the listings a previous run generated into that database, when
 * their numbers are those asked for (generation takes minutes at 1,000,000 listings); otherwise null.
 */
async function findListings(
  db: Database,
  options: { listings: number },
): Promise<Awaited<ReturnType<typeof generateListings>> | null> {
  const result = await db.execute(sql`select
      (select count(*) from enterprises where tax_code like '99%' and source = 'import')::int as enterprises,
      (select count(*) from products where slug like 'bench-p-%')::int as products,
      (select count(*) from offers where slug like 'bench-o-%')::int as offers,
      (select count(*) from search_documents d join provinces p on p.id = d.province_id
        where p.slug in (${sql.join(
          hostedProvinces.map((slug) => sql`${slug}`),
          sql`, `,
        )}))::int as documents`);
  const found = rowsOf<{ enterprises: number; products: number; offers: number; documents: number }>(
    result,
  )[0];
  if (!found || found.products + found.offers !== options.listings) return null;
  return {
    enterprises: Number(found.enterprises),
    products: Number(found.products),
    offers: Number(found.offers),
    documents: Number(found.documents),
  };
}

function rowsOf<Row>(result: unknown): Row[] {
  return (result as { rows: Row[] }).rows;
}

/** Starts src/server.ts on the generated data directory or database, with time for its indexes to load. */
function startServerOn(options: { dataDir: string; databaseUrl?: string; env?: Record<string, string> }) {
  return startServer({ ...options, readyTimeoutMs: 300_000, stopTimeoutMs: 15_000 });
}

export async function benchSearch(options: {
  database: "postgres" | "pglite";
  databaseUrl?: string;
  listings: number;
  duration: number;
  warmup: number;
  connections: number;
  p95TargetMs: number;
  log: (line: string) => void;
}) {
  const dataDir = mkdtempSync(join(tmpdir(), "cong-tmdt-search-bench-"));
  try {
    const config = loadConfig({
      DATA_DIR: dataDir,
      ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
    });
    const { database } = await prepareDatabase(config, { withDemoData: true });
    const started = Date.now();
    let generated: Awaited<ReturnType<typeof generateListings>>;
    const kinds = await queryKinds(database.db);
    const expected = new Map<string, number>();
    let indexSizes: { name: string; bytes: number; size: string }[] = [];
    let tableSize = "";
    let bitmapsSize = "";
    try {
      const reused =
        process.env.BENCH_REUSE_LISTINGS === "1" ? await findListings(database.db, options) : null;
      if (reused) {
        options.log(`${options.database}: reusing the ${reused.documents} documents already generated`);
        generated = reused;
      } else {
        generated = await generateListings(database.db, {
          listings: options.listings,
          provinceSlugs: hostedProvinces,
          log: (line) => options.log(`${options.database}: ${line}`),
        });
        options.log(`${options.database}: vacuum analyze`);
        for (const table of ["search_documents", "search_words", "search_bitmaps"])
          await database.db.execute(sql`vacuum analyze ${sql.identifier(table)}`);
        // The other bulk-loaded tables too, and a checkpoint: otherwise autovacuum and the checkpointer write
        // gigabytes on the same two cores during the measurement.
        for (const table of ["enterprises", "storefronts", "products", "offers"])
          await database.db.execute(sql`vacuum analyze ${sql.identifier(table)}`);
        if (options.database === "postgres") await database.db.execute(sql`checkpoint`);
      }
      const scope = sql`d.province_id in (select id from provinces where slug in (${sql.join(
        hostedProvinces.map((slug) => sql`${slug}`),
        sql`, `,
      )}))`;
      for (const kind of kinds) {
        const result = await database.db.execute(
          sql`select count(*)::int as count from search_documents d where ${scope} and ${open} and ${kind.oracle}`,
        );
        expected.set(kind.kind, Number(rowsOf<{ count: number }>(result)[0]?.count ?? -1));
      }
      const sizes = await database.db.execute(sql`
        select c.relname as name, pg_relation_size(c.oid)::bigint as bytes,
          pg_size_pretty(pg_relation_size(c.oid)) as size
        from pg_index i join pg_class c on c.oid = i.indexrelid join pg_class t on t.oid = i.indrelid
        where t.relname in ('search_documents', 'search_words', 'search_bitmaps') order by c.relname`);
      indexSizes = rowsOf<{ name: string; bytes: string | number; size: string }>(sizes).map((row) => ({
        name: row.name,
        bytes: Number(row.bytes),
        size: row.size,
      }));
      const table = await database.db.execute(
        sql`select pg_size_pretty(pg_total_relation_size('search_documents')) as size,
          pg_size_pretty(pg_total_relation_size('search_bitmaps')) as bitmaps`,
      );
      tableSize = rowsOf<{ size: string }>(table)[0]?.size ?? "";
      bitmapsSize = rowsOf<{ bitmaps: string }>(table)[0]?.bitmaps ?? "";
    } finally {
      await database.close();
    }
    const buildSeconds = Math.round((Date.now() - started) / 100) / 10;
    options.log(
      `${options.database}: ${generated.documents} documents in ${buildSeconds} s; starting the server`,
    );

    // Two passes: the result cache off (every request searches the database) and on (the default).
    const passes = [];
    for (const cache of ["off", "on"] as const) {
      options.log(`${options.database}: result cache ${cache}`);
      const server = await startServerOn({
        dataDir,
        databaseUrl: options.databaseUrl,
        env: { SEARCH_RESULT_CACHE: cache },
      });
      try {
        const indexLoadSeconds = await waitForSearchIndex(server.baseUrl);
        options.log(`${options.database}: search index held in the process after ${indexLoadSeconds} s`);
        const queries: (Measurement & {
          kind: string;
          firstRequestMs: number;
          apiTotal: number;
          sqlTotal: number;
          totalCorrect: boolean;
          firstPageItems: number;
        })[] = [];
        for (const kind of kinds) {
          const path = `/api/v1/search?${kind.query}`;
          const started = performance.now();
          const response = await fetch(server.baseUrl + path);
          const body = (await response.json()) as { total?: number; items?: unknown[] };
          const firstRequestMs = Math.round((performance.now() - started) * 10) / 10;
          const apiTotal = Number(body.total ?? -1);
          const sqlTotal = expected.get(kind.kind) ?? -2;
          options.log(
            `${options.database} (cache ${cache}): ${kind.kind} (${path}): total ${apiTotal}, SQL ${sqlTotal}, first request ${firstRequestMs} ms`,
          );
          const measurement = await measure(server.baseUrl, path, options);
          options.log(
            `${options.database} (cache ${cache}):   p50 ${measurement.latencyP50Ms} ms, p95 ${measurement.latencyP95Ms} ms, p99 ${measurement.latencyP99Ms} ms, ${measurement.requestsPerSecond} req/s`,
          );
          queries.push({
            kind: kind.kind,
            ...measurement,
            firstRequestMs,
            apiTotal,
            sqlTotal,
            totalCorrect: response.ok && apiTotal === sqlTotal,
            firstPageItems: body.items?.length ?? 0,
          });
        }
        const worstP95 = Math.max(...queries.map((query) => query.latencyP95Ms ?? Number.POSITIVE_INFINITY));
        passes.push({
          resultCache: cache,
          indexLoadSeconds,
          queries,
          peakRssMb: peakRssMb(server.pid),
          targets: {
            searchP95Ms: {
              target: `<= ${options.p95TargetMs} (PostgreSQL, 1,000,000 listings, 2 cores)`,
              actual: worstP95,
              pass: worstP95 <= options.p95TargetMs,
            },
            totalsCorrect: {
              target: "API total = SQL count for every query",
              pass: queries.every((query) => query.totalCorrect),
            },
            noErrors: {
              pass: queries.every((query) => query.errors + query.non2xx + query.timeouts === 0),
            },
          },
        });
      } finally {
        await server.stop();
      }
    }
    return {
      database: options.database,
      listings: options.listings,
      generated,
      buildSeconds,
      searchDocumentsTotalSize: tableSize,
      searchBitmapsTotalSize: bitmapsSize,
      indexSizes,
      passes,
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Seconds until the server holds the search bitmaps in its process (readyz says `searchIndex: "ready"`, or "off"
 * with SEARCH_MEMORY_INDEX=off): searches are answered by SQL until then, so they are measured after.
 */
async function waitForSearchIndex(baseUrl: string): Promise<number> {
  const started = performance.now();
  for (;;) {
    const body = (await (await fetch(`${baseUrl}/readyz`)).json()) as { searchIndex?: string };
    if (body.searchIndex !== "loading") return Math.round((performance.now() - started) / 100) / 10;
    if (performance.now() - started > 600_000) throw new Error("the search index did not load in 10 minutes");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
