-- The floor search's copy in the web process keeps the names of provinces and communes (a search's page reads
-- them there instead of by key for each row). A statement that adds, removes or renames any of them moves
-- names_version, which the page's statement reads with the generation, so every process reloads them; and the
-- generation, so that results cached with the old names (the result cache is keyed by generation) are not served
-- again. Statements that change nothing of the names (the reference provinces loaded again at every start, a
-- province becoming hosted) move neither.
ALTER TABLE "search_state" ADD COLUMN IF NOT EXISTS "names_version" bigint NOT NULL DEFAULT 0;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "search_place_names_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed boolean;
BEGIN
  -- One branch per event: each transition table exists only for its own.
  IF TG_OP = 'INSERT' THEN
    changed := EXISTS (SELECT 1 FROM new_rows);
  ELSIF TG_OP = 'DELETE' THEN
    changed := EXISTS (SELECT 1 FROM old_rows);
  ELSE
    changed := EXISTS (SELECT 1 FROM new_rows n JOIN old_rows o USING (id) WHERE n.name IS DISTINCT FROM o.name);
  END IF;
  IF changed THEN
    UPDATE "search_state" SET "names_version" = "names_version" + 1, "generation" = "generation" + 1 WHERE "id" = 1;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "communes_names_inserted" AFTER INSERT ON "communes" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "search_place_names_changed"();
--> statement-breakpoint
CREATE TRIGGER "communes_names_updated" AFTER UPDATE ON "communes" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "search_place_names_changed"();
--> statement-breakpoint
CREATE TRIGGER "communes_names_deleted" AFTER DELETE ON "communes" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "search_place_names_changed"();
--> statement-breakpoint
CREATE TRIGGER "provinces_names_inserted" AFTER INSERT ON "provinces" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "search_place_names_changed"();
--> statement-breakpoint
CREATE TRIGGER "provinces_names_updated" AFTER UPDATE ON "provinces" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "search_place_names_changed"();
--> statement-breakpoint
CREATE TRIGGER "provinces_names_deleted" AFTER DELETE ON "provinces" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "search_place_names_changed"();
