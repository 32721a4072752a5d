import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import os from "node:os";
import autocannon from "autocannon";
import { peakRssMb, startLocalPostgres, startServer } from "./server.ts";

/**
 * Throughput benchmark: one JSON report on stdout. Runs the real server (default env, demo data seeded)
 * on PGlite and, when BENCH_DATABASE_URL is set or a local PostgreSQL 15 can be started, on PostgreSQL.
 * BENCH_DURATION (seconds, default 15) and BENCH_CONNECTIONS (default 10) tune each measurement.
 */
const duration = Number(process.env.BENCH_DURATION ?? 15);
const warmup = 3;
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const province = "ba-ria-vung-tau";
const targets = { planPageRequestsPerSecond: 2000, planPageP99Ms: 50, peakRssMb: 300 };

type Measurement = {
  path: string;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  requests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
};

/**
 * wrk (C, from Debian's packages) is the load generator when present: autocannon runs in Node and takes
 * most of one of the two cores from the server it measures. autocannon is the fallback.
 */
function findWrk(): string | null {
  if (existsSync("/usr/bin/wrk")) return "/usr/bin/wrk";
  if (process.getuid?.() !== 0) return null;
  try {
    execFileSync("apt-get", ["install", "-y", "--no-install-recommends", "wrk"], {
      stdio: "ignore",
      timeout: 120_000,
    });
  } catch {
    return null;
  }
  return existsSync("/usr/bin/wrk") ? "/usr/bin/wrk" : null;
}
const wrk = findWrk();

function runWrk(url: string, seconds: number): Measurement & { path: string } {
  const output = execFileSync(wrk!, ["-t1", `-c${connections}`, `-d${seconds}s`, "--latency", url], {
    encoding: "utf8",
  });
  const milliseconds = (label: string) => {
    const match = new RegExp(`${label}\\s+([\\d.]+)(us|ms|s)`).exec(output);
    if (!match) return Number.NaN;
    const value = Number(match[1]);
    return match[2] === "us" ? value / 1000 : match[2] === "s" ? value * 1000 : value;
  };
  const requests = Number(/(\d+) requests in/.exec(output)?.[1] ?? 0);
  const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  return {
    path: new URL(url).pathname,
    requestsPerSecond: Math.round(Number(/Requests\/sec:\s+([\d.]+)/.exec(output)?.[1] ?? 0)),
    latencyP50Ms: milliseconds("50%"),
    latencyP99Ms: milliseconds("99%"),
    requests,
    errors: socketErrors ? Number(socketErrors[1]) + Number(socketErrors[2]) + Number(socketErrors[3]) : 0,
    timeouts: socketErrors ? Number(socketErrors[4]) : 0,
    non2xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(output)?.[1] ?? 0),
  };
}

async function measure(baseUrl: string, path: string): Promise<Measurement> {
  // A warm-up so JIT, caches and the connection pool are not part of the measurement.
  if (wrk) {
    runWrk(baseUrl + path, warmup);
    return runWrk(baseUrl + path, duration);
  }
  await autocannon({ url: baseUrl + path, connections, duration: warmup });
  const result = await autocannon({ url: baseUrl + path, connections, duration });
  return {
    path,
    requestsPerSecond: Math.round(result.requests.average),
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  };
}

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
  process.stderr.write("bench: PGlite…\n");
  results.push(await benchDatabase("pglite"));

  let postgres: Awaited<ReturnType<typeof benchDatabase>> | { database: "postgres"; skipped: string } = {
    database: "postgres",
    skipped: "no BENCH_DATABASE_URL and no local PostgreSQL 15",
  };
  const local = process.env.BENCH_DATABASE_URL ? null : startLocalPostgres();
  const url = process.env.BENCH_DATABASE_URL ?? local?.url;
  try {
    if (url) {
      process.stderr.write("bench: PostgreSQL…\n");
      postgres = await benchDatabase("postgres", url);
    }
  } finally {
    local?.stop();
  }
  results.push(postgres);

  const report = {
    date: new Date().toISOString(),
    machine: {
      platform: `${os.type()} ${os.release()} ${os.arch()}`,
      cpus: cpus.length,
      cpuModel: cpus[0]?.model ?? "unknown",
      totalMemoryMb: Math.round(os.totalmem() / 1024 / 1024),
    },
    node: process.version,
    dataset: "3 seed plans, demo data",
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
    },
    results,
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
