import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { resolve } from "node:path";
import { count, like } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";
import { loadConfig } from "../src/config.ts";
import type { Database } from "../src/db/client.ts";
import { auditLog, users } from "../src/modules/identity/schema.ts";
import { plans } from "../src/modules/plans/schema.ts";
import { prepareDatabase } from "../src/startup.ts";
import { loadDemoData } from "../src/workflows/demo-data.ts";
import { buildTestApp, type TestApp } from "./helpers/app.ts";

let testApp: TestApp;
beforeAll(async () => {
  testApp = await buildTestApp();
});
afterAll(() => testApp.close());

const counts = async (db: Database) => ({
  plans: (await db.select({ n: count() }).from(plans))[0]!.n,
  users: (await db.select({ n: count() }).from(users))[0]!.n,
  audit: (await db.select({ n: count() }).from(auditLog))[0]!.n,
});

test("loading the demo data a second time changes nothing (plans, users, audit_log counts equal)", async () => {
  const db = testApp.database.db;
  const before = await counts(db);
  expect(before.plans).toBe(3);
  expect(before.users).toBeGreaterThanOrEqual(10);
  expect(await loadDemoData(db)).toEqual({ loaded: false });
  expect(await counts(db)).toEqual(before);
});

test.skipIf(Boolean(process.env.TEST_DATABASE_URL))(
  "production start-up (withDemoData: false) on a fresh data directory loads no demo account",
  async () => {
    const dataDir = resolve(".test-data", `prod-${randomBytes(4).toString("hex")}`);
    const config = loadConfig({
      NODE_ENV: "production",
      DATA_DIR: dataDir,
      PUBLIC_URL: "https://tmdt.example.vn",
      SESSION_SECRET: "production-secret-that-is-long-enough-0123456789",
    });
    const { database, demoLoaded } = await prepareDatabase(config, { withDemoData: false });
    try {
      expect(demoLoaded).toBe(false);
      const [demoUsers] = await database.db
        .select({ n: count() })
        .from(users)
        .where(like(users.email, "%.demo"));
      expect(demoUsers!.n).toBe(0);
      expect((await database.db.select({ n: count() }).from(plans))[0]!.n).toBe(0);
    } finally {
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
);
