import { sql } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { perDatabase } from "../../../db/per-database.ts";
import { executePrepared } from "../../../db/prepared.ts";
import type { Row } from "./page.ts";

/**
 * The names of the provinces and communes, kept in the web process for the pages of the floor search answered
 * from its copy (in-memory.ts): read by key for each row, they were a fifth of PostgreSQL's work per search. They
 * are kept at `search_state.names_version`, which a trigger moves on any change of those names (migration 0016);
 * the page's statement reads that version, and a page read at another version has them read again first.
 */
export class PlaceNames {
  private version: number | null = null;
  private provinces = new Map<number, string>();
  private communes = new Map<number, string>();
  private loading: Promise<void> | null = null;

  constructor(private readonly db: Executor) {}

  /** Fills the rows' province and commune names from their ids, as of `version` or later. */
  async name(rows: Row[], version: number): Promise<void> {
    while (this.version === null || this.version < version) {
      this.loading ??= this.load().finally(() => {
        this.loading = null;
      });
      await this.loading;
    }
    for (const row of rows) {
      row.address_province_name =
        row.address_province_id == null
          ? null
          : (this.provinces.get(Number(row.address_province_id)) ?? null);
      row.commune_name = row.commune_id == null ? null : (this.communes.get(Number(row.commune_id)) ?? null);
    }
  }

  private async load(): Promise<void> {
    // One statement: the version and the names of one snapshot.
    const [found] = await executePrepared<{ version: number; provinces: string; communes: string }>(
      this.db,
      "search",
      sql`select (select names_version::float8 from search_state where id = 1) as version,
          (select coalesce(json_agg(json_build_array(id, name)), '[]') from provinces)::text as provinces,
          (select coalesce(json_agg(json_build_array(id, name)), '[]') from communes)::text as communes`,
    );
    this.provinces = new Map(JSON.parse(found?.provinces ?? "[]") as [number, string][]);
    this.communes = new Map(JSON.parse(found?.communes ?? "[]") as [number, string][]);
    this.version = Number(found?.version ?? 0);
  }
}

/** One per database (the application's, or a test's). */
const names = perDatabase((db) => new PlaceNames(db));

export const placeNamesOf = (db: Executor): PlaceNames => names.of(db);
