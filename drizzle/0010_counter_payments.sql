ALTER TABLE "dossier_payments" ADD COLUMN "recorded_by_user_id" integer;--> statement-breakpoint
ALTER TABLE "dossier_payments" ADD COLUMN "note" text;--> statement-breakpoint
ALTER TABLE "dossier_payments" ADD CONSTRAINT "dossier_payments_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;