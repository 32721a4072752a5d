import { mkdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../src/db/client.ts";
import { adminUrlFor, databaseUrlWithName, templateDatabaseName } from "./postgres-url.ts";

/**
 * Migrates one template database per test run: a PGlite data directory (copied per test file) or, when
 * TEST_DATABASE_URL is set, a PostgreSQL template database (cloned per test file with CREATE DATABASE … TEMPLATE).
 */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const pg = (await import("pg")).default;
    const admin = new pg.Client({ connectionString: adminUrlFor(url) });
    await admin.connect();
    await admin.query(`drop database if exists ${templateDatabaseName} with (force)`);
    await admin.query(`create database ${templateDatabaseName}`);
    await admin.end();
    const template = await openDatabase({
      databaseUrl: databaseUrlWithName(url, templateDatabaseName),
      dataDir: "",
    });
    await template.migrate();
    await template.close();
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
  project.provide("testDatabase", { kind: "pglite", templateDir: join(templateDir, "pglite"), root });
  return () => rmSync(root, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    testDatabase: { kind: "pglite"; templateDir: string; root: string } | { kind: "postgres"; url: string };
  }
}
