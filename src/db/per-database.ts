import type { Executor } from "./client.ts";

/**
 * One `T` per database handle (the application's, or a test's): made on first use, dropped with the handle.
 * `peek` answers without making one.
 */
export function perDatabase<T>(create: (db: Executor) => T): {
  of(db: Executor): T;
  peek(db: Executor): T | undefined;
} {
  const made = new WeakMap<Executor, T>();
  return {
    of(db) {
      let found = made.get(db);
      if (found === undefined) {
        found = create(db);
        made.set(db, found);
      }
      return found;
    },
    peek: (db) => made.get(db),
  };
}
