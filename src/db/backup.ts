import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import lockfile from "proper-lockfile";

const run = promisify(execFile);

/**
 * Backups: the embedded database as PGlite's own data-directory archive (tar.gz); PostgreSQL with pg_dump's
 * custom format, restored with pg_restore. The server must be stopped for an embedded backup or restore
 * (the directory lock makes sure of it).
 */
export async function backupDatabase(options: {
  databaseUrl?: string | undefined;
  dataDir: string;
  file: string;
}): Promise<void> {
  mkdirSync(dirname(options.file), { recursive: true });
  if (options.databaseUrl) {
    await run("pg_dump", ["--format=custom", "--no-owner", `--file=${options.file}`, options.databaseUrl]);
    return;
  }
  const directory = join(options.dataDir, "pglite");
  const release = await lockfile.lock(directory, { realpath: false });
  try {
    const client = await PGlite.create(directory, { extensions: { pg_trgm, unaccent } });
    const archive = await client.dumpDataDir("gzip");
    await client.close();
    writeFileSync(options.file, Buffer.from(await archive.arrayBuffer()));
  } finally {
    await release();
  }
}

export async function restoreDatabase(options: {
  databaseUrl?: string | undefined;
  dataDir: string;
  file: string;
}): Promise<void> {
  if (!existsSync(options.file)) throw new Error(`Backup file not found: ${options.file}`);
  if (options.databaseUrl) {
    await run("pg_restore", [
      "--clean",
      "--if-exists",
      "--no-owner",
      `--dbname=${options.databaseUrl}`,
      options.file,
    ]);
    return;
  }
  const directory = join(options.dataDir, "pglite");
  const staging = `${directory}.restoring`;
  mkdirSync(options.dataDir, { recursive: true });
  rmSync(staging, { recursive: true, force: true });
  const client = await PGlite.create(staging, {
    loadDataDir: new Blob([readFileSync(options.file)]),
    extensions: { pg_trgm, unaccent },
  });
  await client.query("select 1");
  await client.close();
  if (existsSync(directory)) {
    const release = await lockfile.lock(directory, { realpath: false });
    await release();
    rmSync(`${directory}.previous`, { recursive: true, force: true });
    renameSync(directory, `${directory}.previous`);
  }
  renameSync(staging, directory);
}
