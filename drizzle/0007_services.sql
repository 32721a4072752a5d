CREATE TABLE "dossier_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"dossier_id" bigint NOT NULL,
	"seq" integer NOT NULL,
	"action" text NOT NULL,
	"state_after" text NOT NULL,
	"actor_user_id" integer,
	"entry" jsonb NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_files" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"dossier_id" bigint NOT NULL,
	"component_id" integer,
	"file_id" integer NOT NULL,
	"event_seq" integer,
	"added_by" integer,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	"removed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "dossier_payments" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"province_id" integer NOT NULL,
	"dossier_id" bigint NOT NULL,
	"txn_ref" text NOT NULL,
	"amount_dong" bigint NOT NULL,
	"gateway" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"bank_code" text,
	"gateway_transaction_no" text,
	"response_code" text,
	"receipt_number" text,
	"paid_at" timestamp with time zone,
	"ipn_payload" jsonb,
	"ipn_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_ratings" (
	"dossier_id" bigint PRIMARY KEY NOT NULL,
	"score" smallint NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_results" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"province_id" integer NOT NULL,
	"dossier_id" bigint NOT NULL,
	"document_number" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"file_id" integer NOT NULL,
	"sha256" text NOT NULL,
	"credential_id" integer NOT NULL,
	"verification_token" text NOT NULL,
	"valid_until" date,
	"summary" jsonb NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	"signed_by" integer,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "dossier_sequences" (
	"province_id" integer NOT NULL,
	"day" date NOT NULL,
	"last_value" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossiers" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"province_id" integer NOT NULL,
	"procedure_id" integer NOT NULL,
	"procedure_version_id" integer NOT NULL,
	"code" text,
	"applicant_user_id" integer,
	"enterprise_id" integer,
	"applicant_name" text NOT NULL,
	"applicant_tax_code" text,
	"applicant_id_number" text,
	"applicant_phone" text NOT NULL,
	"applicant_email" text NOT NULL,
	"applicant_address" text NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"channel" text DEFAULT 'online' NOT NULL,
	"delivery_method" text DEFAULT 'online' NOT NULL,
	"delivery_address" text,
	"declaration_accepted_at" timestamp with time zone,
	"state" text DEFAULT 'draft' NOT NULL,
	"current_step_id" text,
	"stage_unit_id" integer,
	"stage_role" text,
	"holder_user_id" integer,
	"submitted_at" timestamp with time zone,
	"received_at" timestamp with time zone,
	"due_date" date,
	"paused_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"timeliness" text,
	"fee_dong" bigint DEFAULT 0 NOT NULL,
	"paid_at" timestamp with time zone,
	"event_count" integer DEFAULT 0 NOT NULL,
	"last_action_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "holidays" (
	"id" serial PRIMARY KEY NOT NULL,
	"province_id" integer NOT NULL,
	"date" date NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"kind" text NOT NULL,
	"source" text NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "procedure_components" (
	"id" serial PRIMARY KEY NOT NULL,
	"version_id" integer NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"copy_kind" text NOT NULL,
	"quantity" integer DEFAULT 1 NOT NULL,
	"required" boolean NOT NULL,
	"template_name" text,
	"template_file_id" integer
);
--> statement-breakpoint
CREATE TABLE "procedure_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"procedure_id" integer NOT NULL,
	"version" integer NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"field" text NOT NULL,
	"implementing_unit_id" integer NOT NULL,
	"level" smallint NOT NULL,
	"online_class" text NOT NULL,
	"applicant_kinds" text[] NOT NULL,
	"description" text NOT NULL,
	"description_en" text NOT NULL,
	"workflow" jsonb NOT NULL,
	"processing_working_days" integer NOT NULL,
	"fees" jsonb NOT NULL,
	"online_fee_dong" bigint DEFAULT 0 NOT NULL,
	"legal_basis" text[] NOT NULL,
	"result_type" text NOT NULL,
	"result_name" text NOT NULL,
	"result_name_en" text NOT NULL,
	"result_validity_months" integer,
	"questions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"subsidy" jsonb,
	"budget_line_id" integer,
	"search_text" text NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" integer
);
--> statement-breakpoint
CREATE TABLE "procedures" (
	"id" serial PRIMARY KEY NOT NULL,
	"province_id" integer NOT NULL,
	"code" text NOT NULL,
	"kind" text DEFAULT 'procedure' NOT NULL,
	"current_version_id" integer,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_settings" (
	"province_id" integer PRIMARY KEY NOT NULL,
	"agency_code" text NOT NULL,
	"code_pattern" text NOT NULL,
	"cut_off_time" text DEFAULT '16:00' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "signing_credentials" (
	"id" serial PRIMARY KEY NOT NULL,
	"province_id" integer NOT NULL,
	"origin" text NOT NULL,
	"pkcs12" "bytea" NOT NULL,
	"trust_anchor_pem" text NOT NULL,
	"subject" text NOT NULL,
	"serial_number" text NOT NULL,
	"not_before" timestamp with time zone NOT NULL,
	"not_after" timestamp with time zone NOT NULL,
	"active" boolean NOT NULL,
	"installed_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dossier_events" ADD CONSTRAINT "dossier_events_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_events" ADD CONSTRAINT "dossier_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_files" ADD CONSTRAINT "dossier_files_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_files" ADD CONSTRAINT "dossier_files_component_id_procedure_components_id_fk" FOREIGN KEY ("component_id") REFERENCES "public"."procedure_components"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_files" ADD CONSTRAINT "dossier_files_file_id_uploaded_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."uploaded_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_files" ADD CONSTRAINT "dossier_files_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_payments" ADD CONSTRAINT "dossier_payments_province_id_provinces_id_fk" FOREIGN KEY ("province_id") REFERENCES "public"."provinces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_payments" ADD CONSTRAINT "dossier_payments_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_ratings" ADD CONSTRAINT "dossier_ratings_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_results" ADD CONSTRAINT "dossier_results_province_id_provinces_id_fk" FOREIGN KEY ("province_id") REFERENCES "public"."provinces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_results" ADD CONSTRAINT "dossier_results_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_results" ADD CONSTRAINT "dossier_results_file_id_uploaded_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."uploaded_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_results" ADD CONSTRAINT "dossier_results_credential_id_signing_credentials_id_fk" FOREIGN KEY ("credential_id") REFERENCES "public"."signing_credentials"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_results" ADD CONSTRAINT "dossier_results_signed_by_users_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_sequences" ADD CONSTRAINT "dossier_sequences_province_id_provinces_id_fk" FOREIGN KEY ("province_id") REFERENCES "public"."provinces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_province_id_provinces_id_fk" FOREIGN KEY ("province_id") REFERENCES "public"."provinces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."procedures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_procedure_version_id_procedure_versions_id_fk" FOREIGN KEY ("procedure_version_id") REFERENCES "public"."procedure_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_applicant_user_id_users_id_fk" FOREIGN KEY ("applicant_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_stage_unit_id_units_id_fk" FOREIGN KEY ("stage_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_holder_user_id_users_id_fk" FOREIGN KEY ("holder_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "holidays" ADD CONSTRAINT "holidays_province_id_provinces_id_fk" FOREIGN KEY ("province_id") REFERENCES "public"."provinces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "holidays" ADD CONSTRAINT "holidays_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_components" ADD CONSTRAINT "procedure_components_version_id_procedure_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."procedure_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_components" ADD CONSTRAINT "procedure_components_template_file_id_uploaded_files_id_fk" FOREIGN KEY ("template_file_id") REFERENCES "public"."uploaded_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_versions" ADD CONSTRAINT "procedure_versions_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."procedures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_versions" ADD CONSTRAINT "procedure_versions_implementing_unit_id_units_id_fk" FOREIGN KEY ("implementing_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_versions" ADD CONSTRAINT "procedure_versions_budget_line_id_plan_budget_lines_id_fk" FOREIGN KEY ("budget_line_id") REFERENCES "public"."plan_budget_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_versions" ADD CONSTRAINT "procedure_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedures" ADD CONSTRAINT "procedures_province_id_provinces_id_fk" FOREIGN KEY ("province_id") REFERENCES "public"."provinces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_settings" ADD CONSTRAINT "service_settings_province_id_provinces_id_fk" FOREIGN KEY ("province_id") REFERENCES "public"."provinces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_credentials" ADD CONSTRAINT "signing_credentials_province_id_provinces_id_fk" FOREIGN KEY ("province_id") REFERENCES "public"."provinces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_credentials" ADD CONSTRAINT "signing_credentials_installed_by_users_id_fk" FOREIGN KEY ("installed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_events_dossier_seq_key" ON "dossier_events" USING btree ("dossier_id","seq");--> statement-breakpoint
CREATE INDEX "dossier_files_dossier_idx" ON "dossier_files" USING btree ("dossier_id");--> statement-breakpoint
CREATE INDEX "dossier_files_file_idx" ON "dossier_files" USING btree ("file_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_payments_txn_ref_key" ON "dossier_payments" USING btree ("txn_ref");--> statement-breakpoint
CREATE INDEX "dossier_payments_dossier_idx" ON "dossier_payments" USING btree ("dossier_id");--> statement-breakpoint
CREATE INDEX "dossier_payments_province_created_idx" ON "dossier_payments" USING btree ("province_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_results_token_key" ON "dossier_results" USING btree ("verification_token");--> statement-breakpoint
CREATE INDEX "dossier_results_dossier_idx" ON "dossier_results" USING btree ("dossier_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_sequences_key" ON "dossier_sequences" USING btree ("province_id","day");--> statement-breakpoint
CREATE UNIQUE INDEX "dossiers_code_key" ON "dossiers" USING btree ("code");--> statement-breakpoint
CREATE INDEX "dossiers_inbox_idx" ON "dossiers" USING btree ("province_id","stage_unit_id","state","due_date");--> statement-breakpoint
CREATE INDEX "dossiers_holder_idx" ON "dossiers" USING btree ("holder_user_id","state");--> statement-breakpoint
CREATE INDEX "dossiers_applicant_idx" ON "dossiers" USING btree ("applicant_user_id","created_at");--> statement-breakpoint
CREATE INDEX "dossiers_submitted_idx" ON "dossiers" USING btree ("province_id","submitted_at");--> statement-breakpoint
CREATE INDEX "dossiers_procedure_idx" ON "dossiers" USING btree ("procedure_id");--> statement-breakpoint
CREATE INDEX "dossiers_enterprise_idx" ON "dossiers" USING btree ("enterprise_id");--> statement-breakpoint
CREATE UNIQUE INDEX "holidays_province_date_key" ON "holidays" USING btree ("province_id","date");--> statement-breakpoint
CREATE INDEX "procedure_components_version_idx" ON "procedure_components" USING btree ("version_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "procedure_versions_procedure_version_key" ON "procedure_versions" USING btree ("procedure_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "procedures_province_code_key" ON "procedures" USING btree ("province_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "signing_credentials_active_key" ON "signing_credentials" USING btree ("province_id") WHERE "signing_credentials"."active";