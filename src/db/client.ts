import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { drizzle as drizzlePostgres } from "drizzle-orm/node-postgres";
import { migrate as migratePostgres } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import lockfile from "proper-lockfile";
import * as schema from "./schema.ts";

export type Schema = typeof schema;
/** One type for both drivers: services never know which database they run on. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** A database handle or a transaction inside it: services accept either. */
export type Executor = Database | Transaction;

export type DatabaseHandle = {
  db: Database;
  kind: "pglite" | "postgres";
  /** true when the database answers a trivial query. */
  ping(): Promise<boolean>;
  migrate(): Promise<void>;
  close(): Promise<void>;
};

export const migrationsFolder = new URL("../../drizzle", import.meta.url).pathname;

export class DatabaseLockedError extends Error {
  override name = "DatabaseLockedError";
}

/**
 * Opens the embedded PGlite database in `dataDir` (locked against a second process: PGlite is single-writer
 * and two processes on one data directory corrupt it) or, when `databaseUrl` is given, a node-postgres pool.
 */
export async function openDatabase(options: {
  databaseUrl?: string | undefined;
  dataDir: string;
  poolSize?: number;
}): Promise<DatabaseHandle> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openPglite(join(options.dataDir, "pglite"));
}

async function openPglite(directory: string): Promise<DatabaseHandle> {
  mkdirSync(directory, { recursive: true });
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(directory, {
      stale: 15_000,
      update: 5_000,
      realpath: false,
      // A lost lock (its file removed or not refreshed in time) is reported, not thrown from a timer.
      onCompromised: (error) =>
        console.error(`Database lock on ${directory} was compromised: ${error.message}`),
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ELOCKED") {
      throw new DatabaseLockedError(
        `The embedded database in ${directory} is in use by another process. Stop it first, or set DATA_DIR to another directory.`,
      );
    }
    throw error;
  }
  const client = await PGlite.create(directory, { extensions: { pg_trgm, unaccent } });
  const db = drizzlePglite({ client, schema }) as unknown as Database;
  return {
    db,
    kind: "pglite",
    ping: async () => {
      await client.query("select 1");
      return true;
    },
    migrate: () => migratePglite(db as never, { migrationsFolder }),
    close: async () => {
      await client.close();
      await release();
    },
  };
}

async function openPostgres(url: string, poolSize: number): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection can be closed by the server (restart, failover, an administrator). The pool drops it and
  // opens another on demand; without this listener node-postgres would throw the error and stop the process.
  pool.on("error", (error) => console.error(`PostgreSQL closed an idle connection: ${error.message}`));
  const db = drizzlePostgres({ client: pool, schema }) as unknown as Database;
  return {
    db,
    kind: "postgres",
    ping: async () => {
      await pool.query("select 1");
      return true;
    },
    migrate: () => migratePostgres(db as never, { migrationsFolder }),
    close: () => pool.end(),
  };
}
