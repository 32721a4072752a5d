import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openDatabase } from "./db/client.ts";

const run = promisify(execFile);
const root = resolve(import.meta.dirname, "..");
const dataDir = mkdtempSync(join(tmpdir(), "cong-tmdt-cli-"));

async function cli(args: string[], environment: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "src/cli.ts", ...args], {
      cwd: root,
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        DATABASE_URL: "",
        NODE_ENV: "production",
        LOG_LEVEL: "silent",
        ...environment,
      },
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, output: failure.stdout + failure.stderr };
  }
}

// The CLI drives the embedded database directly; the PostgreSQL run of the suite covers the same services.
describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))("command line", () => {
  beforeAll(async () => {
    expect((await cli(["migrate"])).code).toBe(0);
  }, 60_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  test("in production no demo data is loaded; the operator hosts a province and creates its first administrator", async () => {
    const seeded = await cli(["seed"]);
    expect(seeded.code).toBe(1);
    expect(seeded.output).toContain("never loaded with NODE_ENV=production");
    expect(
      (
        await cli([
          "create-user",
          "--province",
          "dong-thap",
          "--email",
          "a@b.vn",
          "--name",
          "A",
          "--role",
          "admin",
          "--password",
          "0123456789",
        ])
      ).output,
    ).toContain("is not hosted");
    expect((await cli(["host-province", "--province", "dong-thap"])).code).toBe(0);
    const created = await cli([
      "create-user",
      "--province",
      "dong-thap",
      "--email",
      "giamdoc@sct.dongthap.gov.vn",
      "--name",
      "Nguyễn Văn A",
      "--role",
      "admin",
      "--role",
      "officer",
      "--password",
      "mat-khau-ban-dau-01",
    ]);
    expect(created.code).toBe(0);
    expect(
      (
        await cli([
          "reset-password",
          "--province",
          "dong-thap",
          "--email",
          "giamdoc@sct.dongthap.gov.vn",
          "--password",
          "short",
        ])
      ).code,
    ).toBe(1);
    expect(
      (
        await cli([
          "reset-password",
          "--province",
          "dong-thap",
          "--email",
          "giamdoc@sct.dongthap.gov.vn",
          "--password",
          "mat-khau-moi-2026",
        ])
      ).code,
    ).toBe(0);

    const database = await openDatabase({ dataDir });
    try {
      const users = await database.db.query.users.findMany();
      expect(users.map((user) => user.email)).toEqual(["giamdoc@sct.dongthap.gov.vn"]);
      const audit = await database.db.query.auditLog.findMany();
      expect(audit.map((entry) => entry.action)).toEqual(
        expect.arrayContaining(["province.host", "user.create", "user.resetPassword"]),
      );
      expect((await database.db.query.plans.findMany()).length).toBe(0);
    } finally {
      await database.close();
    }
  }, 90_000);

  test("communes import from a CSV file; a bad file names its row and changes nothing", async () => {
    const good = join(dataDir, "communes.csv");
    writeFileSync(good, "ma,ten,loai\n30001,Cao Lãnh,phường\n30002,Mỹ Thọ,xã\n");
    const imported = await cli(["import-communes", "--province", "dong-thap", "--file", good]);
    expect(imported.output).toContain("2 added");
    const bad = join(dataDir, "bad.csv");
    writeFileSync(bad, "ma,ten,loai\n30003,Sa Đéc,thị trấn\n");
    const refused = await cli(["import-communes", "--province", "dong-thap", "--file", bad]);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain("communes.import.badCell");
    expect((await cli(["import-communes", "--province", "dong-thap", "--file", good])).output).toContain(
      "2 unchanged",
    );
  }, 60_000);

  test("recompute-deadlines queues a run and works it through in the foreground; a bad date changes nothing", async () => {
    const refused = await cli(["recompute-deadlines", "--province", "dong-thap", "--from", "2026-02-30"]);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain("calendar.invalidDate");
    const result = await cli(["recompute-deadlines", "--province", "dong-thap", "--from", "2026-03-11"]);
    expect(result.code).toBe(0);
    expect(result.output).toMatch(/Recomputation run \d+ queued\./);
    expect(result.output).toContain("Open dossiers examined: 0; due date moved: 0.");
    const database = await openDatabase({ dataDir });
    try {
      const runs = await database.db.query.deadlineRecomputations.findMany();
      expect(runs).toEqual([
        expect.objectContaining({ trigger: "cli", fromDate: "2026-03-11", status: "done", examined: 0 }),
      ]);
      const audits = (await database.db.query.auditLog.findMany()).filter(
        (entry) => entry.action === "services.deadlines.recomputed",
      );
      expect(audits.map((entry) => entry.after)).toEqual([
        { runId: runs[0]!.id, trigger: "cli", from: "2026-03-11", examined: 0, changed: 0, failed: 0 },
      ]);
    } finally {
      await database.close();
    }
  }, 60_000);

  test("an unknown command prints the usage and exits 2", async () => {
    const result = await cli(["frobnicate"]);
    expect(result.code).toBe(2);
    expect(result.output).toContain("Usage: npm run cli");
  }, 30_000);
});
