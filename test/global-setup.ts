import { cpSync, mkdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import type { TestProject } from "vitest/node";
import { type DatabaseHandle, openDatabase } from "../src/db/client.ts";
import { loadDemoData } from "../src/workflows/demo-data.ts";
import { loadReferenceData } from "../src/workflows/reference-data.ts";
import {
  adminUrlFor,
  databaseUrlWithName,
  demoTemplateDatabaseName,
  templateDatabaseName,
} from "./postgres-url.ts";

/**
 * Prepares two template databases per test run, copied per test file: one only migrated, and one with the
 * reference provinces and the demo data loaded (what `buildTestApp` starts from; loading the demo takes ~2 s, a
 * copy ~0.35 s). They are PGlite data directories or, when TEST_DATABASE_URL is set, PostgreSQL template
 * databases (cloned per test file with CREATE DATABASE … TEMPLATE).
 */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const pg = (await import("pg")).default;
    const admin = new pg.Client({ connectionString: adminUrlFor(url) });
    await admin.connect();
    await admin.query(`drop database if exists ${demoTemplateDatabaseName} with (force)`);
    await admin.query(`drop database if exists ${templateDatabaseName} with (force)`);
    await admin.query(`create database ${templateDatabaseName}`);
    const template = await openDatabase({
      databaseUrl: databaseUrlWithName(url, templateDatabaseName),
      dataDir: "",
    });
    await template.migrate();
    await template.close();
    await admin.query(`create database ${demoTemplateDatabaseName} template ${templateDatabaseName}`);
    await admin.end();
    await withDemoData(
      await openDatabase({ databaseUrl: databaseUrlWithName(url, demoTemplateDatabaseName), dataDir: "" }),
    );
    project.provide("testDatabase", { kind: "postgres", url });
    return;
  }
  // One directory per run, so runs started side by side (an editor's watcher, a terminal) never share files.
  const root = resolve(".test-data", `run-${process.pid}-${Date.now().toString(36)}`);
  mkdirSync(root, { recursive: true });
  const templateDir = join(root, "template");
  const template = await openDatabase({ dataDir: templateDir });
  await template.migrate();
  await template.close();
  const demoTemplateDir = join(root, "template-demo");
  cpSync(join(templateDir, "pglite"), join(demoTemplateDir, "pglite"), { recursive: true });
  await withDemoData(await openDatabase({ dataDir: demoTemplateDir }));
  project.provide("testDatabase", {
    kind: "pglite",
    templateDir: join(templateDir, "pglite"),
    demoTemplateDir: join(demoTemplateDir, "pglite"),
    root,
  });
  return () => rmSync(root, { recursive: true, force: true });
}

async function withDemoData(database: DatabaseHandle): Promise<void> {
  try {
    await loadReferenceData(database.db);
    await loadDemoData(database.db);
  } finally {
    await database.close();
  }
}

declare module "vitest" {
  export interface ProvidedContext {
    testDatabase:
      | { kind: "pglite"; templateDir: string; demoTemplateDir: string; root: string }
      | { kind: "postgres"; url: string };
  }
}
