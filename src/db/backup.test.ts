import { randomBytes } from "node:crypto";
import { rmSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { count, eq } from "drizzle-orm";
import { afterAll, expect, test } from "vitest";
import { adminUrlFor, databaseUrlWithName, templateDatabaseName } from "../../test/postgres-url.ts";
import { users } from "../modules/identity/schema.ts";
import { plans } from "../modules/plans/schema.ts";
import { loadDemoData } from "../workflows/demo-data.ts";
import { loadReferenceData } from "../workflows/reference-data.ts";
import { backupDatabase, restoreDatabase } from "./backup.ts";
import { openDatabase } from "./client.ts";

const root = resolve(".test-data", `backup-${randomBytes(4).toString("hex")}`);
afterAll(() => rmSync(root, { recursive: true, force: true }));

test.skipIf(Boolean(process.env.TEST_DATABASE_URL))(
  "a PGlite backup restored into another data directory round-trips plans, users and an edit",
  async () => {
    const source = join(root, "source");
    const target = join(root, "target");
    const file = join(root, "backup.tar.gz");
    const original = await openDatabase({ dataDir: source });
    await original.migrate();
    await loadReferenceData(original.db);
    await loadDemoData(original.db);
    await original.db.update(plans).set({ title: "Tiêu đề sau sao lưu" }).where(eq(plans.id, 1));
    const expected = {
      plans: await original.db.select().from(plans).orderBy(plans.id),
      users: (await original.db.select({ n: count() }).from(users))[0]!.n,
    };
    await original.close();

    await backupDatabase({ dataDir: source, file });
    expect(statSync(file).size).toBeGreaterThan(1000);
    await restoreDatabase({ dataDir: target, file });

    const restored = await openDatabase({ dataDir: target });
    try {
      expect(await restored.db.select().from(plans).orderBy(plans.id)).toEqual(expected.plans);
      expect((await restored.db.select({ n: count() }).from(users))[0]!.n).toBe(expected.users);
      expect(expected.plans.find((plan) => plan.id === 1)?.title).toBe("Tiêu đề sau sao lưu");
    } finally {
      await restored.close();
    }
  },
  120_000,
);

test.runIf(Boolean(process.env.TEST_DATABASE_URL))(
  "a PostgreSQL backup (pg_dump) restored into an empty database (pg_restore) round-trips plans and users",
  async () => {
    const pg = (await import("pg")).default;
    const serverUrl = process.env.TEST_DATABASE_URL!;
    const suffix = randomBytes(4).toString("hex");
    const names = { source: `cong_tmdt_backup_src_${suffix}`, target: `cong_tmdt_backup_dst_${suffix}` };
    const admin = new pg.Client({ connectionString: adminUrlFor(serverUrl) });
    await admin.connect();
    await admin.query(`create database ${names.source} template ${templateDatabaseName}`);
    await admin.query(`create database ${names.target}`);
    const file = join(root, "backup.pgdump");
    try {
      const source = await openDatabase({
        databaseUrl: databaseUrlWithName(serverUrl, names.source),
        dataDir: "",
      });
      await loadReferenceData(source.db);
      await loadDemoData(source.db);
      const expected = {
        plans: await source.db.select({ id: plans.id, title: plans.title }).from(plans).orderBy(plans.id),
        users: (await source.db.select({ n: count() }).from(users))[0]!.n,
      };
      await source.close();
      await backupDatabase({ databaseUrl: databaseUrlWithName(serverUrl, names.source), dataDir: "", file });
      expect(statSync(file).size).toBeGreaterThan(1000);
      await restoreDatabase({ databaseUrl: databaseUrlWithName(serverUrl, names.target), dataDir: "", file });
      const restored = await openDatabase({
        databaseUrl: databaseUrlWithName(serverUrl, names.target),
        dataDir: "",
      });
      try {
        expect(
          await restored.db.select({ id: plans.id, title: plans.title }).from(plans).orderBy(plans.id),
        ).toEqual(expected.plans);
        expect((await restored.db.select({ n: count() }).from(users))[0]!.n).toBe(expected.users);
      } finally {
        await restored.close();
      }
    } finally {
      await admin.query(`drop database if exists ${names.source} with (force)`);
      await admin.query(`drop database if exists ${names.target} with (force)`);
      await admin.end();
    }
  },
);
