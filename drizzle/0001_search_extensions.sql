-- Search over Vietnamese text without diacritics (DESIGN.md: pg_trgm + unaccent through an IMMUTABLE wrapper).
-- unaccent() is only STABLE (it reads its dictionary through search_path), so indexes and generated columns
-- cannot use it directly; fold_vietnamese names the dictionary explicitly and is declared IMMUTABLE.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION fold_vietnamese(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT btrim(regexp_replace(lower(public.unaccent('public.unaccent'::regdictionary, value)), '\s+', ' ', 'g')) $$;
