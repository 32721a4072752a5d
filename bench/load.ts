import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import autocannon from "autocannon";

/** One load measurement of one URL. */
export type Measurement = {
  path: string;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP95Ms?: number;
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
export const wrk = findWrk();

// wrk prints only its fixed percentiles (50/75/90/99); this script adds p95 through its Lua `done` hook.
const percentileScript = `done = function(summary, latency, requests)
  io.write(string.format("P95 %d\\n", latency:percentile(95.0)))
end`;

function runWrk(url: string, seconds: number, connections: number): Measurement {
  const scriptPath = "/tmp/cong-tmdt-bench-p95.lua";
  execFileSync("sh", ["-c", `cat > ${scriptPath}`], { input: percentileScript });
  const output = execFileSync(
    wrk!,
    ["-t1", `-c${connections}`, `-d${seconds}s`, "--timeout", "30s", "--latency", "-s", scriptPath, url],
    { encoding: "utf8" },
  );
  const milliseconds = (label: string) => {
    const match = new RegExp(`${label}\\s+([\\d.]+)(us|ms|s)`).exec(output);
    if (!match) return Number.NaN;
    const value = Number(match[1]);
    return match[2] === "us" ? value / 1000 : match[2] === "s" ? value * 1000 : value;
  };
  const requests = Number(/(\d+) requests in/.exec(output)?.[1] ?? 0);
  const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  const p95Micros = Number(/P95 (\d+)/.exec(output)?.[1] ?? Number.NaN);
  const parsed = new URL(url);
  // No request finished within the run: wrk prints zero latencies, which would read as instant answers.
  if (requests === 0) {
    return {
      path: parsed.pathname + parsed.search,
      requestsPerSecond: 0,
      latencyP50Ms: Number.NaN,
      latencyP95Ms: Number.NaN,
      latencyP99Ms: Number.NaN,
      requests,
      errors: 0,
      timeouts: socketErrors ? Number(socketErrors[4]) : 0,
      non2xx: 0,
    };
  }
  return {
    path: parsed.pathname + parsed.search,
    requestsPerSecond: Math.round(Number(/Requests\/sec:\s+([\d.]+)/.exec(output)?.[1] ?? 0)),
    latencyP50Ms: milliseconds("50%"),
    latencyP95Ms: Math.round(p95Micros / 10) / 100,
    latencyP99Ms: milliseconds("99%"),
    requests,
    errors: socketErrors ? Number(socketErrors[1]) + Number(socketErrors[2]) + Number(socketErrors[3]) : 0,
    timeouts: socketErrors ? Number(socketErrors[4]) : 0,
    non2xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(output)?.[1] ?? 0),
  };
}

/** Warm-up (JIT, caches, the connection pool), then the measurement, with `connections` concurrent clients. */
export async function measure(
  baseUrl: string,
  path: string,
  options: { duration: number; warmup: number; connections: number },
): Promise<Measurement> {
  if (wrk) {
    runWrk(baseUrl + path, options.warmup, options.connections);
    return runWrk(baseUrl + path, options.duration, options.connections);
  }
  await autocannon({ url: baseUrl + path, connections: options.connections, duration: options.warmup });
  const result = await autocannon({
    url: baseUrl + path,
    connections: options.connections,
    duration: options.duration,
  });
  return {
    path,
    requestsPerSecond: Math.round(result.requests.average),
    latencyP50Ms: result.latency.p50,
    latencyP95Ms: (result.latency as unknown as { p97_5?: number }).p97_5 ?? result.latency.p90,
    latencyP99Ms: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  };
}
