import { createHash } from "node:crypto";
import { type SQL, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import pg from "pg";
import type { Executor } from "./client.ts";

const dialect = new PgDialect();
/** Statement text → its name, so that a hot statement is not hashed on every call. */
const statementNames = new Map<string, string>();

/**
 * Runs a raw statement and returns its rows. On a PostgreSQL pool it runs as a named prepared statement (one per
 * distinct text, prepared once per connection, so PostgreSQL parses and plans it once and reuses the plan): on
 * the hot paths (session, officer inbox, floor search) planning cost about as much as running. Lists must then be
 * array parameters (`= any(${array}::int[])`) so that the texts stay few. Elsewhere (PGlite, a transaction)
 * the statement runs as usual. `prefix` names the statements of one module in `pg_prepared_statements`.
 */
export async function executePrepared<Row>(db: Executor, prefix: string, statement: SQL): Promise<Row[]> {
  const client = (db as { $client?: unknown }).$client;
  if (!(client instanceof pg.Pool)) return rowsOf<Row>(await db.execute(statement));
  const query = dialect.sqlToQuery(statement);
  const name = nameOf(prefix, query.sql);
  return rowsOf<Row>(await client.query({ name, text: query.sql, values: query.params as unknown[] }));
}

/** Renderings (text and parameters) of hot statements, by the caller's key. */
const renderings = new Map<string, { sql: string; params: unknown[] }>();

/**
 * executePrepared for a hot statement whose text and parameters depend only on `key`, except its first parameter,
 * `first`: `build` renders it once per key and later calls only replace that parameter (on the floor search,
 * rendering the page statement through drizzle cost a twentieth of the request). Elsewhere than on a PostgreSQL
 * pool, the statement is built and run as usual.
 */
export async function executePreparedWithFirst<Row>(
  db: Executor,
  prefix: string,
  key: string,
  first: unknown,
  build: () => SQL,
): Promise<Row[]> {
  const client = (db as { $client?: unknown }).$client;
  if (!(client instanceof pg.Pool)) return rowsOf<Row>(await db.execute(build()));
  let rendering = renderings.get(key);
  if (rendering === undefined) {
    rendering = dialect.sqlToQuery(build());
    if (rendering.params[0] !== first)
      throw new Error(`${prefix}: the statement's first parameter is not \`first\``);
    if (renderings.size >= 1_000) renderings.delete(renderings.keys().next().value as string);
    renderings.set(key, rendering);
  }
  const values = rendering.params.slice();
  values[0] = first;
  return rowsOf<Row>(
    await client.query({ name: nameOf(prefix, rendering.sql), text: rendering.sql, values }),
  );
}

function nameOf(prefix: string, text: string): string {
  let name = statementNames.get(text);
  if (name === undefined) {
    name = `${prefix}_${createHash("sha1").update(text).digest("hex").slice(0, 20)}`;
    // The texts are few (lists are array parameters); the bound only guards against a caller that inlines values.
    if (statementNames.size >= 10_000) statementNames.clear();
    statementNames.set(text, name);
  }
  return name;
}

function rowsOf<Row>(result: unknown): Row[] {
  // Both drivers (node-postgres, PGlite) answer raw SQL with `{ rows }`.
  return (result as { rows: Row[] }).rows;
}

/** Whole numbers as one array parameter (`column = any(${intArray(ids)})`): one statement text for any length. */
export const intArray = (values: readonly number[]) =>
  sql`${`{${values.map((value) => Math.trunc(value)).join(",")}}`}::int[]`;

/** Texts as one array parameter, each element quoted and escaped as PostgreSQL's array syntax requires. */
export const textArray = (values: readonly string[]) =>
  sql`${`{${values.map((value) => `"${value.replaceAll(/["\\]/g, "\\$&")}"`).join(",")}}`}::text[]`;
