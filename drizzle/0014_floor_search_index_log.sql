-- Floor search: what changed in search_bitmaps since a given search generation, so that a web process can keep a
-- copy of the bitmaps in memory and bring it up to date by reading only the changed rows
-- (docs/adr/0004-floor-search.md, "Fourth measurement: the bitmaps held in the web process").
--
-- search_bitmaps.generation: the search generation of the row's last change (the triggers of 0008 stamp it).
-- search_bitmaps_removed: the rows the triggers deleted (a term's chunk that no longer has any document), with the
-- generation of the deletion. Only the last 10,000 generations are kept: search_state.removed_horizon is the newest
-- generation whose removals are gone, and a copy older than it is read again whole.
ALTER TABLE "search_bitmaps" ADD COLUMN IF NOT EXISTS "generation" bigint NOT NULL DEFAULT 0;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "search_bitmaps_generation_idx" ON "search_bitmaps" USING btree ("generation");
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "search_bitmaps_removed" (
  "generation" bigint NOT NULL,
  "kind" "char" NOT NULL,
  "term" text COLLATE "C" NOT NULL,
  "chunk" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "search_bitmaps_removed_generation_idx" ON "search_bitmaps_removed" USING btree ("generation");
--> statement-breakpoint
ALTER TABLE "search_state" ADD COLUMN IF NOT EXISTS "removed_horizon" bigint NOT NULL DEFAULT 0;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION search_bitmaps_remove() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  DECLARE
    current_generation bigint;
  BEGIN
    UPDATE search_state SET generation = generation + 1 WHERE id = 1
      RETURNING generation INTO current_generation;
    WITH removed AS MATERIALIZED (
      SELECT t.kind, t.term, (o.id >> 13)::int AS chunk, search_bits((o.id & 8191)::int, 1) AS bits
      FROM old_documents o,
        search_document_terms(o.search_text, o.title, o.province_id, o.doc_type, o.category_ids, o.offer_kind,
          o.address_province_id, o.commune_id, o.verified, o.ocop_stars, o.expires_on) t
      GROUP BY 1, 2, 3
    ), remaining AS MATERIALIZED (
      SELECT b.kind, b.term, b.chunk, b.bits & ~r.bits AS bits
      FROM search_bitmaps b JOIN removed r ON r.kind = b.kind AND r.term = b.term AND r.chunk = b.chunk
    ), emptied AS (
      DELETE FROM search_bitmaps b USING remaining r
      WHERE r.kind = b.kind AND r.term = b.term AND r.chunk = b.chunk AND bit_count(r.bits) = 0
      RETURNING b.kind, b.term, b.chunk
    ), logged AS (
      INSERT INTO search_bitmaps_removed (generation, kind, term, chunk)
      SELECT current_generation, e.kind, e.term, e.chunk FROM emptied e
    )
    UPDATE search_bitmaps b SET bits = r.bits, generation = current_generation FROM remaining r
    WHERE r.kind = b.kind AND r.term = b.term AND r.chunk = b.chunk AND bit_count(r.bits) > 0;
    -- Every 1,000 generations, forget the removals older than the last 10,000.
    IF current_generation % 1000 = 0 THEN
      DELETE FROM search_bitmaps_removed WHERE generation <= current_generation - 10000;
      UPDATE search_state SET removed_horizon = greatest(removed_horizon, current_generation - 10000) WHERE id = 1;
    END IF;
    RETURN NULL;
  END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION search_bitmaps_add() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  DECLARE
    current_generation bigint;
  BEGIN
    IF TG_OP = 'INSERT' THEN
      UPDATE search_state SET generation = generation + 1 WHERE id = 1
        RETURNING generation INTO current_generation;
    ELSE
      -- An update: search_bitmaps_remove, which ran first, has taken the generation row and incremented it.
      SELECT generation INTO current_generation FROM search_state WHERE id = 1;
    END IF;
    INSERT INTO search_bitmaps (kind, term, chunk, bits, generation)
    SELECT t.kind, t.term, (n.id >> 13)::int, search_bits((n.id & 8191)::int, 1), current_generation
    FROM new_documents n,
      search_document_terms(n.search_text, n.title, n.province_id, n.doc_type, n.category_ids, n.offer_kind,
        n.address_province_id, n.commune_id, n.verified, n.ocop_stars, n.expires_on) t
    GROUP BY 1, 2, 3
    ORDER BY 1, 2, 3
    ON CONFLICT (kind, term, chunk) DO UPDATE
      SET bits = search_bitmaps.bits | excluded.bits, generation = excluded.generation;
    RETURN NULL;
  END $$;
