import { randomBytes } from "node:crypto";
import { rmSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { count, eq } from "drizzle-orm";
import { afterAll, expect, test } from "vitest";
import { loadReferenceProvinces } from "../modules/geo/index.ts";
import { users } from "../modules/identity/schema.ts";
import { plans } from "../modules/plans/schema.ts";
import { loadDemoData } from "../workflows/demo-data.ts";
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
    await loadReferenceProvinces(original.db);
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
