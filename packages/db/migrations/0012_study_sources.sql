CREATE TABLE "study_sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"study_id" uuid NOT NULL,
	"informant_id" uuid,
	"name" text NOT NULL,
	"format" text NOT NULL,
	"language" text,
	"status" text NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"text" text NOT NULL,
	"length" integer NOT NULL,
	"turns" jsonb NOT NULL,
	"sync_points" jsonb NOT NULL,
	"candidates" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "study_sources" ADD CONSTRAINT "study_sources_study_id_studies_id_fk" FOREIGN KEY ("study_id") REFERENCES "public"."studies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_sources" ADD CONSTRAINT "study_sources_informant_id_study_informants_id_fk" FOREIGN KEY ("informant_id") REFERENCES "public"."study_informants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_sources" ADD CONSTRAINT "study_sources_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "study_sources_study_idx" ON "study_sources" USING btree ("study_id");--> statement-breakpoint
ALTER TABLE "study_sources" ADD CONSTRAINT "study_sources_format_check" CHECK ("format" IN ('text', 'docx', 'vtt', 'srt'));--> statement-breakpoint
ALTER TABLE "study_sources" ADD CONSTRAINT "study_sources_language_check" CHECK ("language" IN ('en', 'fr', 'nb'));--> statement-breakpoint
ALTER TABLE "study_sources" ADD CONSTRAINT "study_sources_status_check" CHECK ("status" IN ('redaction', 'ready'));
