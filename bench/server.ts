export { freePort, type RunningServer, startServer } from "../test/helpers/server-process.ts";

import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export function peakRssMb(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const match = /VmHWM:\s+(\d+)\s+kB/.exec(status);
    return match ? Math.round((Number(match[1]) / 1024) * 10) / 10 : null;
  } catch {
    return null;
  }
}

export type LocalPostgres = { url: string; stop: () => void };

/** A throwaway PostgreSQL 15 cluster (runuser to the postgres account when running as root). */
export function startLocalPostgres(port = 55433): LocalPostgres | null {
  const bin = "/usr/lib/postgresql/15/bin";
  if (!existsSync(`${bin}/initdb`)) return null;
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), "cong-tmdt-bench-pg-"));
  const run = (command: string, args: string[]) =>
    asRoot
      ? execFileSync("runuser", ["-u", "postgres", "--", command, ...args], { stdio: "pipe" })
      : execFileSync(command, args, { stdio: "pipe" });
  try {
    if (asRoot) execFileSync("chown", ["postgres", dir]);
    const data = join(dir, "data");
    run(`${bin}/initdb`, ["-D", data, "-A", "trust", "-U", "postgres"]);
    run(`${bin}/pg_ctl`, [
      "-D",
      data,
      "-l",
      join(dir, "log"),
      "-o",
      // Memory settings for a machine with a few GB to spare (the defaults, 128 MB of shared buffers, leave a
      // 1,000,000-listing search table on the operating system's page cache).
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c shared_buffers=1GB -c effective_cache_size=4GB -c maintenance_work_mem=512MB -c work_mem=16MB`,
      "-w",
      "start",
    ]);
    return {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      stop: () => {
        try {
          run(`${bin}/pg_ctl`, ["-D", data, "-m", "fast", "-w", "stop"]);
        } catch {}
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    process.stderr.write(`could not start a local PostgreSQL: ${String(error)}\n`);
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
}
