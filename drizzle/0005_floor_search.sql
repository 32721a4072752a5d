-- Floor search (docs/adr/0004-floor-search.md). search_documents.search_text is already folded (fold_vietnamese).
-- Word and prefix matching: full-text search with the 'simple' configuration (no stemming, no stop words: the
-- folded Vietnamese syllables are the lexemes) through an expression GIN index; queries use the same expression.
CREATE INDEX IF NOT EXISTS "search_documents_fts_idx" ON "search_documents"
  USING gin (to_tsvector('simple'::regconfig, "search_text"));
--> statement-breakpoint
-- Newest first within a portal's provinces (sort "newest", and the listing without a query).
CREATE INDEX IF NOT EXISTS "search_documents_province_published_idx" ON "search_documents"
  USING btree ("province_id", "published_at" DESC, "id" DESC);
--> statement-breakpoint
-- Category filter: category_ids holds the category and its ancestors (`category_ids @> '{id}'`).
CREATE INDEX IF NOT EXISTS "search_documents_category_ids_idx" ON "search_documents" USING gin ("category_ids");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "search_documents_price_idx" ON "search_documents" USING btree ("price_dong")
  WHERE "price_dong" IS NOT NULL;
--> statement-breakpoint
-- The vocabulary of folded words on the floor, for the typo fallback: a word of the query that no document
-- contains is replaced by the known words one edit away (and trigram neighbours). Kept by search/documents.ts;
-- words are never removed (a stale word can only offer a correction that then finds nothing).
CREATE TABLE IF NOT EXISTS "search_words" (
  "word" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "search_words_trgm_idx" ON "search_words" USING gin ("word" gin_trgm_ops);
--> statement-breakpoint
INSERT INTO "search_words" ("word")
  SELECT DISTINCT w FROM "search_documents", unnest(tsvector_to_array(to_tsvector('simple'::regconfig, "search_text"))) AS w
  WHERE w ~ '^[a-z]{2,30}$'
  ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- The search result cache's generation: every change to search_documents (search/documents.ts) increments it in
-- the same transaction, so a cached result is served only while no document has changed since it was computed.
CREATE TABLE IF NOT EXISTS "search_state" (
  "id" smallint PRIMARY KEY NOT NULL DEFAULT 1 CHECK ("id" = 1),
  "generation" bigint NOT NULL DEFAULT 0
);
--> statement-breakpoint
INSERT INTO "search_state" ("id", "generation") VALUES (1, 0) ON CONFLICT DO NOTHING;
