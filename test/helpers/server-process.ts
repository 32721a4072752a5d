import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

/**
 * The real server as a child process, for the browser journeys and the benchmark: a fresh DATA_DIR (demo data
 * seeded), a free port, the same V8 flags as `npm start`, ready when /readyz answers; stop() sends SIGTERM.
 */
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

export type StartServerOptions = {
  databaseUrl?: string;
  /** An existing DATA_DIR, kept on stop (the benchmark's generated data); without it a fresh one, removed on stop. */
  dataDir?: string;
  /** Environment set on top of the defaults. */
  env?: Record<string, string>;
  readyTimeoutMs?: number;
  /** How long stop() waits after SIGTERM before SIGKILL. */
  stopTimeoutMs?: number;
};

/** Starts src/server.ts as a child process (default env, so the demo data is seeded) and waits for /readyz. */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const ownsDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), "cong-tmdt-server-"));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    LOG_LEVEL: "warn",
  };
  for (const key of ["NODE_ENV", "DATABASE_URL", "PUBLIC_URL", "SESSION_SECRET", "TEST_DATABASE_URL"])
    delete env[key];
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  Object.assign(env, options.env ?? {});
  const root = resolve(import.meta.dirname, "../..");
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
  const deadline = Date.now() + (options.readyTimeoutMs ?? 180_000);
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
        await Promise.race([exited, new Promise((r) => setTimeout(r, options.stopTimeoutMs ?? 10_000))]);
        if (child.exitCode === null) child.kill("SIGKILL");
      }
      if (ownsDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Peak resident set size (VmHWM) of a process, in MB. */
