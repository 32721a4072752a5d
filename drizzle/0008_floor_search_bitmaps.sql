-- Floor search: exact totals and the first pages of broad queries without reading every match
-- (docs/adr/0004-floor-search.md, "Counts: term bitmaps").
--
-- search_bitmaps holds, for each term, one bitmap per chunk of 8,192 document ids: bit (id & 8191) of chunk
-- (id >> 13) is set when the document search_documents.id has the term. Terms are of five kinds:
--   'w' a word of the folded text (a lexeme of to_tsvector('simple', search_text)) that starts with a letter a–z:
--       every word an exact or prefix query word can match (query words are [a-z0-9]+; those starting with a
--       digit are searched without bitmaps);
--   't' a word of the folded title as the ranking reads it (search/page.ts: the start of search_text, the
--       title's length, with , . ; : ( ) / - & + ' " turned into spaces): every word the ranking finds whole
--       in the title is one, so the documents of the highest score are among those with every query word here;
--   'f' a filter value: 'province:<id>', 'type:<doc_type>', 'category:<id>' (each of category_ids), 'kind:<sell|buy>'
--       (offers), 'address:<id>', 'commune:<id>', 'verified';
--   'o' OCOP stars, zero-padded to 6 characters so that text order is number order;
--   'e' the last day of an offer, YYYY-MM-DD: an offer is open while its day is not before today in Vietnam.
-- A query ANDs and ORs the bitmaps of its terms (bit_count of the result is the exact total) instead of reading
-- the matching rows. Triggers keep the bitmaps in step with every statement that changes search_documents, in
-- the same transaction, and also increment search_state.generation (the result cache's version) first, so
-- concurrent writers take the bitmap rows' locks one after the other.
-- Rows are stored in key order (the fill below, the triggers' inserts) so that a term's chunks share pages: a
-- search reads ~100 pages instead of ~700; fillfactor leaves room for updates on the same page.
CREATE TABLE IF NOT EXISTS "search_bitmaps" (
  "kind" "char" NOT NULL,
  "term" text COLLATE "C" NOT NULL,
  "chunk" integer NOT NULL,
  "bits" bit varying NOT NULL,
  CONSTRAINT "search_bitmaps_pkey" PRIMARY KEY ("kind", "term", "chunk")
) WITH (fillfactor = 80);
--> statement-breakpoint
-- search_bits(position, 1): the 8,192-bit bitmap with the aggregated positions set. The transition function is
-- the built-in set_bit: three times faster than assembling the bits as text (ADR 0004).
DO $$ BEGIN
  EXECUTE format('CREATE OR REPLACE AGGREGATE search_bits(integer, integer) (SFUNC = set_bit, STYPE = bit, INITCOND = %L)',
    repeat('0', 8192));
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION search_document_terms(search_text text, title text, province_id integer, doc_type text,
  category_ids integer[], offer_kind text, address_province_id integer, commune_id integer, verified boolean,
  ocop_stars smallint, expires_on date)
  RETURNS TABLE (kind "char", term text)
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$
    SELECT 'w'::"char", w FROM unnest(tsvector_to_array(to_tsvector('simple'::regconfig, search_text))) AS w
      WHERE w COLLATE "C" >= 'a' AND w COLLATE "C" < '{'
    UNION ALL
    SELECT 't'::"char", w FROM unnest(tsvector_to_array(to_tsvector('simple'::regconfig,
      translate(left(search_text, char_length(title)), ',.;:()/-&+''"', '            ')))) AS w
      WHERE w COLLATE "C" >= 'a' AND w COLLATE "C" < '{'
    UNION ALL
    SELECT 'f', f FROM unnest(ARRAY['province:' || province_id, 'type:' || doc_type,
      CASE WHEN doc_type = 'offer' THEN 'kind:' || offer_kind END, 'address:' || address_province_id,
      'commune:' || commune_id, CASE WHEN verified THEN 'verified' END]
      || ARRAY(SELECT 'category:' || c FROM unnest(category_ids) AS c)) AS f
      WHERE f IS NOT NULL
    UNION ALL SELECT 'o', lpad(ocop_stars::text, 6, '0') WHERE ocop_stars IS NOT NULL
    UNION ALL SELECT 'e', to_char(expires_on, 'YYYY-MM-DD') WHERE expires_on IS NOT NULL
  $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION search_bitmaps_remove() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    UPDATE search_state SET generation = generation + 1 WHERE id = 1;
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
    )
    UPDATE search_bitmaps b SET bits = r.bits FROM remaining r
    WHERE r.kind = b.kind AND r.term = b.term AND r.chunk = b.chunk AND bit_count(r.bits) > 0;
    RETURN NULL;
  END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION search_bitmaps_add() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    IF TG_OP = 'INSERT' THEN
      UPDATE search_state SET generation = generation + 1 WHERE id = 1;
    END IF;
    INSERT INTO search_bitmaps (kind, term, chunk, bits)
    SELECT t.kind, t.term, (n.id >> 13)::int, search_bits((n.id & 8191)::int, 1)
    FROM new_documents n,
      search_document_terms(n.search_text, n.title, n.province_id, n.doc_type, n.category_ids, n.offer_kind,
        n.address_province_id, n.commune_id, n.verified, n.ocop_stars, n.expires_on) t
    GROUP BY 1, 2, 3
    ORDER BY 1, 2, 3
    ON CONFLICT (kind, term, chunk) DO UPDATE SET bits = search_bitmaps.bits | excluded.bits;
    RETURN NULL;
  END $$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS "search_documents_bitmaps_delete" ON "search_documents";
--> statement-breakpoint
CREATE TRIGGER "search_documents_bitmaps_delete" AFTER DELETE ON "search_documents"
  REFERENCING OLD TABLE AS old_documents FOR EACH STATEMENT EXECUTE FUNCTION search_bitmaps_remove();
--> statement-breakpoint
-- An update removes the old row's terms (this trigger, first by name) and adds the new row's (the next).
DROP TRIGGER IF EXISTS "search_documents_bitmaps_update_1" ON "search_documents";
--> statement-breakpoint
CREATE TRIGGER "search_documents_bitmaps_update_1" AFTER UPDATE ON "search_documents"
  REFERENCING OLD TABLE AS old_documents FOR EACH STATEMENT EXECUTE FUNCTION search_bitmaps_remove();
--> statement-breakpoint
DROP TRIGGER IF EXISTS "search_documents_bitmaps_update_2" ON "search_documents";
--> statement-breakpoint
CREATE TRIGGER "search_documents_bitmaps_update_2" AFTER UPDATE ON "search_documents"
  REFERENCING NEW TABLE AS new_documents FOR EACH STATEMENT EXECUTE FUNCTION search_bitmaps_add();
--> statement-breakpoint
DROP TRIGGER IF EXISTS "search_documents_bitmaps_insert" ON "search_documents";
--> statement-breakpoint
CREATE TRIGGER "search_documents_bitmaps_insert" AFTER INSERT ON "search_documents"
  REFERENCING NEW TABLE AS new_documents FOR EACH STATEMENT EXECUTE FUNCTION search_bitmaps_add();
--> statement-breakpoint
TRUNCATE "search_bitmaps";
--> statement-breakpoint
INSERT INTO "search_bitmaps" ("kind", "term", "chunk", "bits")
  SELECT t.kind, t.term, (d.id >> 13)::int, search_bits((d.id & 8191)::int, 1)
  FROM "search_documents" d,
    search_document_terms(d.search_text, d.title, d.province_id, d.doc_type, d.category_ids, d.offer_kind,
      d.address_province_id, d.commune_id, d.verified, d.ocop_stars, d.expires_on) t
  GROUP BY 1, 2, 3
  ORDER BY 1, 2, 3;
--> statement-breakpoint
-- The newest documents first, whatever their province: the first page of a broad query is looked for among the
-- newest documents of the portal's provinces (an index-only scan; province_id is included for the filter).
CREATE INDEX IF NOT EXISTS "search_documents_published_idx" ON "search_documents"
  USING btree ("published_at" DESC, "id" DESC) INCLUDE ("province_id");
