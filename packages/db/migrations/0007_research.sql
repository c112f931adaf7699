CREATE TABLE "campaign_groups" (
	"campaign_id" uuid NOT NULL,
	"group" text NOT NULL,
	"instrument_version_id" uuid NOT NULL,
	CONSTRAINT "campaign_groups_campaign_id_group_pk" PRIMARY KEY("campaign_id","group")
);
--> statement-breakpoint
CREATE TABLE "campaign_programs" (
	"campaign_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"status" text DEFAULT 'invited' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	CONSTRAINT "campaign_programs_campaign_id_program_id_pk" PRIMARY KEY("campaign_id","program_id")
);
--> statement-breakpoint
CREATE TABLE "campaign_waves" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"reminder_days" integer[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"owner_id" uuid NOT NULL,
	"ethics_approval" text NOT NULL,
	"data_controller" text NOT NULL,
	"privacy_mode" text NOT NULL,
	"k" integer DEFAULT 11 NOT NULL,
	"languages" text[] NOT NULL,
	"information" jsonb NOT NULL,
	"retention_until" date NOT NULL,
	"purged_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "instrument_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"instrument_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"source_format" text NOT NULL,
	"notices" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "instruments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"url" text,
	"licence" jsonb NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"run_at" timestamp with time zone NOT NULL,
	"state" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_completion_queue" (
	"invitation_id" uuid PRIMARY KEY NOT NULL,
	"completed_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_completions" (
	"invitation_id" uuid PRIMARY KEY NOT NULL,
	"completed_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_drafts" (
	"key_hash" text PRIMARY KEY NOT NULL,
	"campaign_id" uuid NOT NULL,
	"wave_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"group" text NOT NULL,
	"language" text NOT NULL,
	"answers" jsonb NOT NULL,
	"saved_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"wave_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"group" text NOT NULL,
	"language" text NOT NULL,
	"email" text NOT NULL,
	"token_hash" text NOT NULL,
	"token_sealed" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"reminders_sent" integer DEFAULT 0 NOT NULL,
	"last_reminded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "survey_open_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"wave_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"group" text NOT NULL,
	"code" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"wave_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"group" text NOT NULL,
	"language" text NOT NULL,
	"instrument_version_id" uuid NOT NULL,
	"invitation_id" uuid,
	"submitted_on" date NOT NULL,
	"submitted_at" timestamp with time zone,
	"source" text NOT NULL,
	"external_id" text,
	"answers" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "campaign_groups" ADD CONSTRAINT "campaign_groups_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_groups" ADD CONSTRAINT "campaign_groups_instrument_version_id_instrument_versions_id_fk" FOREIGN KEY ("instrument_version_id") REFERENCES "public"."instrument_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_programs" ADD CONSTRAINT "campaign_programs_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_programs" ADD CONSTRAINT "campaign_programs_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_programs" ADD CONSTRAINT "campaign_programs_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_waves" ADD CONSTRAINT "campaign_waves_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_versions" ADD CONSTRAINT "instrument_versions_instrument_id_instruments_id_fk" FOREIGN KEY ("instrument_id") REFERENCES "public"."instruments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_versions" ADD CONSTRAINT "instrument_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instruments" ADD CONSTRAINT "instruments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_completion_queue" ADD CONSTRAINT "survey_completion_queue_invitation_id_survey_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."survey_invitations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_completions" ADD CONSTRAINT "survey_completions_invitation_id_survey_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."survey_invitations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_drafts" ADD CONSTRAINT "survey_drafts_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_drafts" ADD CONSTRAINT "survey_drafts_wave_id_campaign_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."campaign_waves"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_drafts" ADD CONSTRAINT "survey_drafts_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD CONSTRAINT "survey_invitations_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD CONSTRAINT "survey_invitations_wave_id_campaign_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."campaign_waves"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD CONSTRAINT "survey_invitations_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_open_links" ADD CONSTRAINT "survey_open_links_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_open_links" ADD CONSTRAINT "survey_open_links_wave_id_campaign_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."campaign_waves"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_open_links" ADD CONSTRAINT "survey_open_links_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_wave_id_campaign_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."campaign_waves"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_instrument_version_id_instrument_versions_id_fk" FOREIGN KEY ("instrument_version_id") REFERENCES "public"."instrument_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_invitation_id_survey_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."survey_invitations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "campaign_programs_program_idx" ON "campaign_programs" USING btree ("program_id");--> statement-breakpoint
CREATE INDEX "campaign_waves_campaign_idx" ON "campaign_waves" USING btree ("campaign_id");--> statement-breakpoint
CREATE UNIQUE INDEX "instrument_versions_number" ON "instrument_versions" USING btree ("instrument_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "instruments_key" ON "instruments" USING btree ("key");--> statement-breakpoint
CREATE UNIQUE INDEX "jobs_key" ON "jobs" USING btree ("key");--> statement-breakpoint
CREATE INDEX "jobs_due_idx" ON "jobs" USING btree ("run_at") WHERE state = 'queued';--> statement-breakpoint
CREATE INDEX "survey_drafts_campaign_idx" ON "survey_drafts" USING btree ("campaign_id");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_invitations_token" ON "survey_invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_invitations_wave_email" ON "survey_invitations" USING btree ("wave_id","program_id","group","email");--> statement-breakpoint
CREATE INDEX "survey_invitations_campaign_idx" ON "survey_invitations" USING btree ("campaign_id","wave_id");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_open_links_code" ON "survey_open_links" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_open_links_target" ON "survey_open_links" USING btree ("wave_id","program_id","group");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_responses_invitation" ON "survey_responses" USING btree ("invitation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_responses_external" ON "survey_responses" USING btree ("wave_id","external_id");--> statement-breakpoint
CREATE INDEX "survey_responses_campaign_idx" ON "survey_responses" USING btree ("campaign_id","wave_id");--> statement-breakpoint
-- Enum-like columns of the research tables accept only the values the contracts define (enum-columns.ts).
ALTER TABLE "instrument_versions" ADD CONSTRAINT "instrument_versions_source_format_check" CHECK ("source_format" IN ('json', 'fhir', 'redcap', 'xlsform'));--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_privacy_mode_check" CHECK ("privacy_mode" IN ('identified', 'anonymous_tracked', 'anonymous'));--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_languages_check" CHECK ("languages" <@ ARRAY['en', 'fr', 'nb']::text[]);--> statement-breakpoint
ALTER TABLE "campaign_groups" ADD CONSTRAINT "campaign_groups_group_check" CHECK ("group" IN ('psp', 'clinician', 'manager', 'person_supported', 'policy_maker'));--> statement-breakpoint
ALTER TABLE "campaign_programs" ADD CONSTRAINT "campaign_programs_status_check" CHECK ("status" IN ('invited', 'joined', 'declined'));--> statement-breakpoint
ALTER TABLE "campaign_waves" ADD CONSTRAINT "campaign_waves_kind_check" CHECK ("kind" IN ('baseline', 'follow_up'));--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD CONSTRAINT "survey_invitations_group_check" CHECK ("group" IN ('psp', 'clinician', 'manager', 'person_supported', 'policy_maker'));--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD CONSTRAINT "survey_invitations_language_check" CHECK ("language" IN ('en', 'fr', 'nb'));--> statement-breakpoint
ALTER TABLE "survey_open_links" ADD CONSTRAINT "survey_open_links_group_check" CHECK ("group" IN ('psp', 'clinician', 'manager', 'person_supported', 'policy_maker'));--> statement-breakpoint
ALTER TABLE "survey_drafts" ADD CONSTRAINT "survey_drafts_group_check" CHECK ("group" IN ('psp', 'clinician', 'manager', 'person_supported', 'policy_maker'));--> statement-breakpoint
ALTER TABLE "survey_drafts" ADD CONSTRAINT "survey_drafts_language_check" CHECK ("language" IN ('en', 'fr', 'nb'));--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_group_check" CHECK ("group" IN ('psp', 'clinician', 'manager', 'person_supported', 'policy_maker'));--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_language_check" CHECK ("language" IN ('en', 'fr', 'nb'));--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_source_check" CHECK ("source" IN ('web', 'import'));
--> statement-breakpoint
ALTER TABLE "wellbeing_instruments" DROP CONSTRAINT "wellbeing_instruments_licence_status_check";--> statement-breakpoint
ALTER TABLE "wellbeing_instruments" ADD CONSTRAINT "wellbeing_instruments_licence_status_check" CHECK ("licence_status" IN ('free', 'conditional', 'permission_recorded', 'proprietary', 'own_non_validated'));--> statement-breakpoint
-- Research outputs use k of at least 11 (DOMAIN.md); a wave closes on or after the day it opens.
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_k_check" CHECK ("k" BETWEEN 11 AND 1000);--> statement-breakpoint
ALTER TABLE "campaign_waves" ADD CONSTRAINT "campaign_waves_dates_check" CHECK ("closes_on" >= "opens_on");--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_state_check" CHECK ("state" IN ('queued', 'done', 'failed'));--> statement-breakpoint
-- An instrument version is locked once it has a response: its definition can no longer change (a new version must
-- be made). The first response sets locked_at.
CREATE FUNCTION instrument_versions_refuse_locked_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.locked_at IS NOT NULL AND (NEW.definition IS DISTINCT FROM OLD.definition OR NEW.locked_at IS DISTINCT FROM OLD.locked_at) THEN
    RAISE EXCEPTION 'instrument version % is locked: it has responses', OLD.id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'instrument_versions_locked';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER instrument_versions_locked
  BEFORE UPDATE ON instrument_versions
  FOR EACH ROW EXECUTE FUNCTION instrument_versions_refuse_locked_change();
--> statement-breakpoint
-- A response locks its instrument version; in the anonymous modes it may carry neither an invitation nor the
-- moment it was submitted (only the day), whatever the application sends.
CREATE FUNCTION survey_responses_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  mode text;
BEGIN
  SELECT privacy_mode INTO mode FROM campaigns WHERE id = NEW.campaign_id;
  IF mode <> 'identified' AND (NEW.invitation_id IS NOT NULL OR NEW.submitted_at IS NOT NULL) THEN
    RAISE EXCEPTION 'an anonymous response cannot name an invitation or a moment'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'survey_responses_anonymous';
  END IF;
  UPDATE instrument_versions SET locked_at = now() WHERE id = NEW.instrument_version_id AND locked_at IS NULL;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER survey_responses_guard
  BEFORE INSERT OR UPDATE ON survey_responses
  FOR EACH ROW EXECUTE FUNCTION survey_responses_guard();
