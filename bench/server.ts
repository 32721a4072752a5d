import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

export type RunningServer = { baseUrl: string; child: ChildProcess; pid: number; stop: () => Promise<void> };

/** Starts src/server.ts as a child process (default env, so the demo data is seeded) and waits for /readyz. */
export async function startServer(options: { databaseUrl?: string }): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), "cong-tmdt-bench-"));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    LOG_LEVEL: "warn",
  };
  for (const key of ["NODE_ENV", "DATABASE_URL", "PUBLIC_URL", "SESSION_SECRET"]) delete env[key];
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  const root = resolve(import.meta.dirname, "..");
  // The same V8 heap limits as `npm start` (package.json): the measured process is the one deployed.
  const child = spawn(
    process.execPath,
    ["--max-semi-space-size=8", "--max-old-space-size=192", "--import", "tsx", "src/server.ts"],
    {
      cwd: root,
      env,
      stdio: "pipe",
    },
  );
  let output = "";
  child.stdout?.on("data", (c) => {
    output += c;
  });
  child.stderr?.on("data", (c) => {
    output += c;
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${output}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`server not ready:\n${output}`);
    }
    try {
      if ((await fetch(`${baseUrl}/readyz`)).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    baseUrl,
    child,
    pid: child.pid ?? 0,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
        if (child.exitCode === null) child.kill("SIGKILL");
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Peak resident set size (VmHWM) of a process, in MB. */
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
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`,
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
