import { randomBytes } from "node:crypto";
import { cpSync, rmSync } from "node:fs";
import { join } from "node:path";
import { inject } from "vitest";
import { type DatabaseHandle, openDatabase } from "../../src/db/client.ts";
import {
  adminUrlFor,
  databaseUrlWithName,
  demoTemplateDatabaseName,
  templateDatabaseName,
} from "../postgres-url.ts";

/**
 * A fresh, migrated database for one test file: a copy of the PGlite template or a clone of the PostgreSQL one.
 * `withDemoData` starts from the template that already holds the reference provinces and the demo data.
 */
export async function createTestDatabase(options: { withDemoData?: boolean } = {}): Promise<DatabaseHandle> {
  const target = inject("testDatabase");
  const suffix = `${process.pid}_${randomBytes(4).toString("hex")}`;
  if (target.kind === "pglite") {
    const dataDir = join(target.root, `db_${suffix}`);
    cpSync(options.withDemoData ? target.demoTemplateDir : target.templateDir, join(dataDir, "pglite"), {
      recursive: true,
    });
    const handle = await openDatabase({ dataDir });
    return {
      ...handle,
      close: async () => {
        await handle.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const pg = (await import("pg")).default;
  const name = `cong_tmdt_test_${suffix}`;
  const admin = new pg.Client({ connectionString: adminUrlFor(target.url) });
  await admin.connect();
  const template = options.withDemoData ? demoTemplateDatabaseName : templateDatabaseName;
  await admin.query(`create database ${name} template ${template}`);
  await admin.end();
  const handle = await openDatabase({
    databaseUrl: databaseUrlWithName(target.url, name),
    dataDir: "",
    poolSize: 4,
  });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: adminUrlFor(target.url) });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
