import os from "node:os";
import { parseArgs } from "node:util";
import { measure as measureUrl, wrk } from "./load.ts";
import { benchSearch } from "./search.ts";
import { peakRssMb, startLocalPostgres, startServer } from "./server.ts";
import { benchServices } from "./services.ts";

/**
 * Throughput benchmark: one JSON report on stdout. Runs the real server (default env, demo data seeded)
 * on PGlite and, when BENCH_DATABASE_URL is set or a local PostgreSQL 15 can be started, on PostgreSQL.
 * BENCH_DURATION (seconds, default 15) and BENCH_CONNECTIONS (default 10) tune each measurement.
 *
 * Then the floor-search benchmark (search.ts): generated listings, five query kinds over HTTP.
 *   --listings N         listings on PostgreSQL (default 1,000,000)
 *   --pglite-listings N  listings on PGlite (default 100,000)
 *   --search-only        skip the plan-page benchmark
 *   --no-search          skip the search benchmark
 *   --skip-pglite        PostgreSQL only (the PGlite search run takes long)
 *   --skip-postgres      PGlite only
 *
 * Then the one-stop shop benchmark (services.ts): generated dossiers, officer inbox latency, submissions per
 * second through the online form, and the SIGKILL test.
 *   --dossiers N         dossiers on PostgreSQL (default 1,000,000)
 *   --pglite-dossiers N  dossiers on PGlite (default 20,000)
 *   --services-only      only the services benchmark
 *   --no-services        skip the services benchmark
 */
const { values: flags } = parseArgs({
  options: {
    listings: { type: "string", default: "1000000" },
    "pglite-listings": { type: "string", default: "100000" },
    "search-only": { type: "boolean", default: false },
    "no-search": { type: "boolean", default: false },
    "skip-pglite": { type: "boolean", default: false },
    "skip-postgres": { type: "boolean", default: false },
    dossiers: { type: "string", default: "1000000" },
    "pglite-dossiers": { type: "string", default: "20000" },
    "services-only": { type: "boolean", default: false },
    "no-services": { type: "boolean", default: false },
  },
});
const positiveInteger = (name: string, text: string) => {
  const value = Number(text.replaceAll(/[._,]/g, ""));
  if (!Number.isSafeInteger(value) || value < 100) throw new Error(`--${name} must be a whole number >= 100`);
  return value;
};
const postgresListings = positiveInteger("listings", flags.listings);
const pgliteListings = positiveInteger("pglite-listings", flags["pglite-listings"]);
const postgresDossiers = positiveInteger("dossiers", flags.dossiers);
const pgliteDossiers = positiveInteger("pglite-dossiers", flags["pglite-dossiers"]);
const runServices = !flags["no-services"];
const servicesOnly = flags["services-only"];

const duration = Number(process.env.BENCH_DURATION ?? 15);
const warmup = 3;
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const province = "ba-ria-vung-tau";
const targets = {
  planPageRequestsPerSecond: 2000,
  planPageP99Ms: 50,
  peakRssMb: 300,
  searchP95Ms: 30,
  inboxP95Ms: 50,
};

const measure = (baseUrl: string, path: string) =>
  measureUrl(baseUrl, path, { duration, warmup, connections });
const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

async function findPlanPath(baseUrl: string): Promise<string> {
  const html = await (await fetch(`${baseUrl}/${province}/plans`)).text();
  const ids = [...html.matchAll(new RegExp(`href="(/${province}/plans/[^"/?#]+)"`, "g"))].map(
    (m) => m[1] ?? "",
  );
  const plan = ids.find((path) => !path.endsWith("/new")) ?? null;
  if (!plan) throw new Error("no plan link on the public plans list");
  return plan;
}

async function benchDatabase(kind: "pglite" | "postgres", databaseUrl?: string) {
  const server = await startServer({ databaseUrl });
  try {
    const planPath = await findPlanPath(server.baseUrl);
    const endpoints = {
      healthz: await measure(server.baseUrl, "/healthz"),
      home: await measure(server.baseUrl, `/${province}`),
      planPage: await measure(server.baseUrl, planPath),
    };
    const rss = peakRssMb(server.pid);
    const plan = endpoints.planPage;
    const checks = {
      planPageRequestsPerSecond: {
        target: `>= ${targets.planPageRequestsPerSecond}`,
        actual: plan.requestsPerSecond,
        pass: plan.requestsPerSecond >= targets.planPageRequestsPerSecond && plan.errors + plan.non2xx === 0,
      },
      planPageP99Ms: {
        target: `<= ${targets.planPageP99Ms}`,
        actual: plan.latencyP99Ms,
        pass: plan.latencyP99Ms <= targets.planPageP99Ms,
      },
      peakRssMb: {
        target: `<= ${targets.peakRssMb}`,
        actual: rss,
        pass: rss !== null && rss <= targets.peakRssMb,
      },
    };
    return { database: kind, planPath, endpoints, peakRssMb: rss, targets: checks };
  } finally {
    await server.stop();
  }
}

async function main() {
  const cpus = os.cpus();
  const results = [];
  const search = [];
  const services = [];
  const local = process.env.BENCH_DATABASE_URL || flags["skip-postgres"] ? null : startLocalPostgres();
  const url = flags["skip-postgres"] ? undefined : (process.env.BENCH_DATABASE_URL ?? local?.url);
  try {
    if (!flags["search-only"] && !servicesOnly) {
      if (!flags["skip-pglite"]) {
        log("PGlite…");
        results.push(await benchDatabase("pglite"));
      }
      let postgres: Awaited<ReturnType<typeof benchDatabase>> | { database: "postgres"; skipped: string } = {
        database: "postgres",
        skipped: "no BENCH_DATABASE_URL and no local PostgreSQL 15",
      };
      if (url) {
        log("PostgreSQL…");
        postgres = await benchDatabase("postgres", url);
      }
      results.push(postgres);
    }
    if (!flags["no-search"] && !servicesOnly) {
      const common = { duration, warmup, connections, p95TargetMs: targets.searchP95Ms, log };
      if (url) {
        log(`search on PostgreSQL, ${postgresListings} listings…`);
        search.push(
          await benchSearch({
            ...common,
            database: "postgres",
            databaseUrl: url,
            listings: postgresListings,
          }),
        );
      } else
        search.push({ database: "postgres", skipped: "no BENCH_DATABASE_URL and no local PostgreSQL 15" });
      if (!flags["skip-pglite"]) {
        log(`search on PGlite, ${pgliteListings} listings…`);
        search.push(await benchSearch({ ...common, database: "pglite", listings: pgliteListings }));
      }
    }
    if (runServices) {
      const common = { duration, warmup, connections, inboxP95TargetMs: targets.inboxP95Ms, log };
      if (url) {
        log(`services on PostgreSQL, ${postgresDossiers} dossiers…`);
        services.push(
          await benchServices({
            ...common,
            database: "postgres",
            databaseUrl: url,
            dossiers: postgresDossiers,
          }),
        );
      } else
        services.push({ database: "postgres", skipped: "no BENCH_DATABASE_URL and no local PostgreSQL 15" });
      if (!flags["skip-pglite"]) {
        log(`services on PGlite, ${pgliteDossiers} dossiers…`);
        services.push(await benchServices({ ...common, database: "pglite", dossiers: pgliteDossiers }));
      }
    }
  } finally {
    local?.stop();
  }

  const report = {
    date: new Date().toISOString(),
    machine: {
      platform: `${os.type()} ${os.release()} ${os.arch()}`,
      cpus: cpus.length,
      cpuModel: cpus[0]?.model ?? "unknown",
      totalMemoryMb: Math.round(os.totalmem() / 1024 / 1024),
    },
    node: process.version,
    dataset:
      "3 seed plans, demo data; search: generated listings (bench/generate-listings.ts); services: generated dossiers of ba-ria-vung-tau (bench/generate-dossiers.ts)",
    loadAverage: os.loadavg().map((value) => Math.round(value * 100) / 100),
    load: {
      tool: wrk ? "wrk" : "autocannon",
      connections,
      durationSeconds: duration,
      warmupSeconds: warmup,
      heap: "--max-semi-space-size=8 --max-old-space-size=192 (as npm start)",
    },
    targets: {
      note: "targets apply to PostgreSQL with 2 cores; they are reported for PGlite too",
      planPageRequestsPerSecond: `>= ${targets.planPageRequestsPerSecond}`,
      planPageP99Ms: `<= ${targets.planPageP99Ms}`,
      peakRssMb: `<= ${targets.peakRssMb}`,
      searchP95Ms: `<= ${targets.searchP95Ms} (PostgreSQL, ${postgresListings} listings)`,
      inboxP95Ms: `<= ${targets.inboxP95Ms} (PostgreSQL, ${postgresDossiers} dossiers)`,
    },
    results,
    search,
    services,
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
