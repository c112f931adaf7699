CREATE TABLE "studies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_by" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "study_informants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"study_id" uuid NOT NULL,
	"pseudonym" text NOT NULL,
	"group" text NOT NULL,
	"country_code" text NOT NULL,
	"setting" text,
	"consent_date" date NOT NULL,
	"consent_scope" text[] NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "study_members" (
	"study_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "study_members_study_id_user_id_pk" PRIMARY KEY("study_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "studies" ADD CONSTRAINT "studies_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_informants" ADD CONSTRAINT "study_informants_study_id_studies_id_fk" FOREIGN KEY ("study_id") REFERENCES "public"."studies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_members" ADD CONSTRAINT "study_members_study_id_studies_id_fk" FOREIGN KEY ("study_id") REFERENCES "public"."studies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_members" ADD CONSTRAINT "study_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "study_informants_pseudonym" ON "study_informants" USING btree ("study_id","pseudonym");--> statement-breakpoint
CREATE INDEX "study_members_user_idx" ON "study_members" USING btree ("user_id");--> statement-breakpoint
ALTER TABLE "study_members" ADD CONSTRAINT "study_members_role_check" CHECK ("role" IN ('lead', 'coder', 'reader'));--> statement-breakpoint
ALTER TABLE "study_informants" ADD CONSTRAINT "study_informants_group_check" CHECK ("group" IN ('psp', 'clinician', 'manager', 'person_supported', 'policy_maker'));--> statement-breakpoint
ALTER TABLE "study_informants" ADD CONSTRAINT "study_informants_country_code_check" CHECK ("country_code" IN ('CA', 'NO'));--> statement-breakpoint
ALTER TABLE "study_informants" ADD CONSTRAINT "study_informants_setting_check" CHECK ("setting" IN ('inpatient', 'outpatient', 'emergency', 'community_team', 'assertive_community_treatment', 'addictions', 'youth', 'primary_care'));--> statement-breakpoint
ALTER TABLE "study_informants" ADD CONSTRAINT "study_informants_consent_scope_check" CHECK ("consent_scope" <@ ARRAY['quotes_published', 'audio_kept']::text[]);
