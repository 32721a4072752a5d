-- The officer inbox's per-state counts, kept by a trigger instead of counted per request: counting a unit's
-- open dossiers read ~10,000 index entries per page view at 1,000,000 dossiers (2.5 ms of the ~6 ms PostgreSQL
-- spent on an inbox page). One row per (province, unit, state) for the states in which a dossier sits in a
-- unit's inbox (those of dossiers_open_inbox_idx); maintained whoever writes (the core, the demo loader, bulk loads).
CREATE TABLE "dossier_stage_counts" (
	"province_id" integer NOT NULL,
	"stage_unit_id" integer NOT NULL,
	"state" text NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "dossier_stage_counts_pkey" PRIMARY KEY ("province_id", "stage_unit_id", "state")
);
--> statement-breakpoint
CREATE FUNCTION "dossier_stage_counts_maintain"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	inbox_states constant text[] := array['submitted', 'received', 'in-review', 'awaiting-supplement', 'proposed', 'approved', 'rejected'];
	was_counted boolean := tg_op <> 'INSERT' AND old.stage_unit_id IS NOT NULL AND old.state = ANY (inbox_states);
	is_counted boolean := tg_op <> 'DELETE' AND new.stage_unit_id IS NOT NULL AND new.state = ANY (inbox_states);
BEGIN
	IF was_counted AND is_counted AND old.province_id = new.province_id AND old.stage_unit_id = new.stage_unit_id
		AND old.state = new.state THEN
		RETURN NULL;
	END IF;
	-- Both changes in one statement, rows in key order: two transactions moving dossiers in opposite directions
	-- take the counter rows in the same order and cannot deadlock.
	INSERT INTO "dossier_stage_counts" AS c ("province_id", "stage_unit_id", "state", "count")
	SELECT province_id, stage_unit_id, state, delta FROM (
		SELECT old.province_id, old.stage_unit_id, old.state, -1 WHERE was_counted
		UNION ALL
		SELECT new.province_id, new.stage_unit_id, new.state, 1 WHERE is_counted
	) AS change (province_id, stage_unit_id, state, delta)
	ORDER BY province_id, stage_unit_id, state
	ON CONFLICT ("province_id", "stage_unit_id", "state") DO UPDATE SET "count" = c."count" + excluded."count";
	RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "dossier_stage_counts_maintain" AFTER INSERT OR DELETE OR UPDATE OF "province_id", "stage_unit_id", "state"
	ON "dossiers" FOR EACH ROW EXECUTE FUNCTION "dossier_stage_counts_maintain"();
--> statement-breakpoint
INSERT INTO "dossier_stage_counts" ("province_id", "stage_unit_id", "state", "count")
SELECT "province_id", "stage_unit_id", "state", count(*)::int FROM "dossiers"
WHERE "stage_unit_id" IS NOT NULL
	AND "state" IN ('submitted', 'received', 'in-review', 'awaiting-supplement', 'proposed', 'approved', 'rejected')
GROUP BY "province_id", "stage_unit_id", "state";
