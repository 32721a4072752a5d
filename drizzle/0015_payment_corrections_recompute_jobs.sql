CREATE TABLE "deadline_recomputations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"province_id" integer NOT NULL,
	"from_date" date,
	"trigger" text NOT NULL,
	"requested_by_user_id" integer,
	"status" text DEFAULT 'queued' NOT NULL,
	"after_id" bigint,
	"total" integer,
	"examined" integer DEFAULT 0 NOT NULL,
	"changed" integer DEFAULT 0 NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"heartbeat_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "dossier_payment_corrections" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"province_id" integer NOT NULL,
	"payment_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"amount_dong" bigint NOT NULL,
	"reason" text NOT NULL,
	"reference" text,
	"refunded_on" date,
	"created_by_user_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "deadline_recomputations" ADD CONSTRAINT "deadline_recomputations_province_id_provinces_id_fk" FOREIGN KEY ("province_id") REFERENCES "public"."provinces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deadline_recomputations" ADD CONSTRAINT "deadline_recomputations_requested_by_user_id_users_id_fk" FOREIGN KEY ("requested_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_payment_corrections" ADD CONSTRAINT "dossier_payment_corrections_province_id_provinces_id_fk" FOREIGN KEY ("province_id") REFERENCES "public"."provinces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_payment_corrections" ADD CONSTRAINT "dossier_payment_corrections_payment_id_dossier_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."dossier_payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_payment_corrections" ADD CONSTRAINT "dossier_payment_corrections_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deadline_recomputations_pending_idx" ON "deadline_recomputations" USING btree ("id") WHERE "deadline_recomputations"."status" in ('queued', 'running');--> statement-breakpoint
CREATE INDEX "deadline_recomputations_province_created_idx" ON "deadline_recomputations" USING btree ("province_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_payment_corrections_payment_key" ON "dossier_payment_corrections" USING btree ("payment_id");--> statement-breakpoint
CREATE INDEX "dossier_payment_corrections_province_created_idx" ON "dossier_payment_corrections" USING btree ("province_id","created_at");