import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createTestDatabase } from "../../test/helpers/database.ts";
import type { DatabaseHandle } from "./client.ts";
import { executePrepared, executePreparedWithFirst, intArray } from "./prepared.ts";

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const onPool = () => (database.db as { $client?: unknown }).$client instanceof pg.Pool;

test("a statement rendered once under its key answers each call with that call's first parameter", async () => {
  let builds = 0;
  const doubled = (ids: readonly number[], factor: number) => {
    const list = `{${ids.join(",")}}`;
    return executePreparedWithFirst<{ value: number }>(
      database.db,
      "test",
      `doubled\u0000${factor}`,
      list,
      () => {
        builds += 1;
        return sql`with t as (select unnest(${list}::int[]) as id) select (id * ${factor})::int as value from t order by 1`;
      },
    );
  };
  expect((await doubled([1, 2], 2)).map((row) => row.value)).toEqual([2, 4]);
  expect((await doubled([5, 7, 9], 2)).map((row) => row.value)).toEqual([10, 14, 18]);
  // The other parameters stay those of the key's first rendering; another key renders again.
  expect((await doubled([5], 3)).map((row) => row.value)).toEqual([15]);
  // On PostgreSQL the two keys were rendered once each; elsewhere every call builds the statement.
  expect(builds).toBe(onPool() ? 2 : 3);
});

// Only PostgreSQL pools keep renderings: elsewhere every call builds its statement.
test.skipIf(!process.env.TEST_DATABASE_URL)(
  "a statement whose first parameter is not the one given is refused, not run with the wrong values",
  async () => {
    expect(onPool()).toBe(true);
    await expect(
      executePreparedWithFirst(
        database.db,
        "test",
        "misordered",
        "{1}",
        () => sql`select ${2}::int as value`,
      ),
    ).rejects.toThrow(/first parameter/);
    // The plain path still answers.
    const rows = await executePrepared<{ n: number }>(
      database.db,
      "test",
      sql`select count(*)::int as n from unnest(${intArray([1, 2, 3])}) as t(id)`,
    );
    expect(rows[0]?.n).toBe(3);
  },
);
