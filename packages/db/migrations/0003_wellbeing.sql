CREATE TABLE "step_away_coverage" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"step_away_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"covering_user_id" uuid NOT NULL,
	"handover_note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"handed_back_at" timestamp with time zone,
	"hand_back_note" text
);
--> statement-breakpoint
CREATE TABLE "step_aways" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"started_by" uuid NOT NULL,
	"agreement_method" text,
	"return_plan" jsonb,
	"returned_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"psp_id" uuid NOT NULL,
	"supervisor_id" uuid NOT NULL,
	"held_at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wellbeing_check_ins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"team_ids" uuid[] NOT NULL,
	"instrument_id" uuid NOT NULL,
	"answers" jsonb NOT NULL,
	"scores" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wellbeing_instruments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid,
	"key" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"name" text NOT NULL,
	"licence_status" text NOT NULL,
	"attribution" text,
	"definition" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wellbeing_nudges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"check_in_id" uuid,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"dismissed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "wellbeing_pulses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"team_ids" uuid[] NOT NULL,
	"energy" integer NOT NULL,
	"load" integer NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wellbeing_shares" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"supervisor_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "wellbeing_instrument_id" uuid;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "caseload_threshold" integer DEFAULT 15 NOT NULL;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "weekly_contact_hours_threshold" integer DEFAULT 25 NOT NULL;--> statement-breakpoint
ALTER TABLE "step_away_coverage" ADD CONSTRAINT "step_away_coverage_step_away_id_step_aways_id_fk" FOREIGN KEY ("step_away_id") REFERENCES "public"."step_aways"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "step_away_coverage" ADD CONSTRAINT "step_away_coverage_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "step_away_coverage" ADD CONSTRAINT "step_away_coverage_covering_user_id_users_id_fk" FOREIGN KEY ("covering_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "step_aways" ADD CONSTRAINT "step_aways_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "step_aways" ADD CONSTRAINT "step_aways_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "step_aways" ADD CONSTRAINT "step_aways_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "step_aways" ADD CONSTRAINT "step_aways_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_sessions" ADD CONSTRAINT "supervision_sessions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_sessions" ADD CONSTRAINT "supervision_sessions_psp_id_users_id_fk" FOREIGN KEY ("psp_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_sessions" ADD CONSTRAINT "supervision_sessions_supervisor_id_users_id_fk" FOREIGN KEY ("supervisor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wellbeing_check_ins" ADD CONSTRAINT "wellbeing_check_ins_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wellbeing_check_ins" ADD CONSTRAINT "wellbeing_check_ins_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wellbeing_check_ins" ADD CONSTRAINT "wellbeing_check_ins_instrument_id_wellbeing_instruments_id_fk" FOREIGN KEY ("instrument_id") REFERENCES "public"."wellbeing_instruments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wellbeing_instruments" ADD CONSTRAINT "wellbeing_instruments_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wellbeing_nudges" ADD CONSTRAINT "wellbeing_nudges_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wellbeing_nudges" ADD CONSTRAINT "wellbeing_nudges_check_in_id_wellbeing_check_ins_id_fk" FOREIGN KEY ("check_in_id") REFERENCES "public"."wellbeing_check_ins"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wellbeing_pulses" ADD CONSTRAINT "wellbeing_pulses_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wellbeing_pulses" ADD CONSTRAINT "wellbeing_pulses_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wellbeing_shares" ADD CONSTRAINT "wellbeing_shares_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wellbeing_shares" ADD CONSTRAINT "wellbeing_shares_supervisor_id_users_id_fk" FOREIGN KEY ("supervisor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "step_away_coverage_step_idx" ON "step_away_coverage" USING btree ("step_away_id");--> statement-breakpoint
CREATE INDEX "step_away_coverage_covering_idx" ON "step_away_coverage" USING btree ("covering_user_id");--> statement-breakpoint
CREATE INDEX "step_aways_team_idx" ON "step_aways" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "step_aways_user_idx" ON "step_aways" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "supervision_sessions_psp_idx" ON "supervision_sessions" USING btree ("psp_id","held_at");--> statement-breakpoint
CREATE INDEX "supervision_sessions_org_idx" ON "supervision_sessions" USING btree ("organization_id","held_at");--> statement-breakpoint
CREATE INDEX "wellbeing_check_ins_user_idx" ON "wellbeing_check_ins" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "wellbeing_check_ins_org_idx" ON "wellbeing_check_ins" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "wellbeing_instruments_key" ON "wellbeing_instruments" USING btree (coalesce("organization_id", '00000000-0000-0000-0000-000000000000'::uuid),"key","version");--> statement-breakpoint
CREATE INDEX "wellbeing_nudges_user_idx" ON "wellbeing_nudges" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "wellbeing_pulses_user_idx" ON "wellbeing_pulses" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "wellbeing_pulses_org_idx" ON "wellbeing_pulses" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "wellbeing_shares_active" ON "wellbeing_shares" USING btree ("user_id","supervisor_id") WHERE "wellbeing_shares"."revoked_at" IS NULL;