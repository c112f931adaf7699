CREATE TABLE "study_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"study_id" uuid NOT NULL,
	"parent_id" uuid,
	"name" text NOT NULL,
	"definition" text DEFAULT '' NOT NULL,
	"include_note" text DEFAULT '' NOT NULL,
	"exclude_note" text DEFAULT '' NOT NULL,
	"example" text DEFAULT '' NOT NULL,
	"color" text NOT NULL,
	"codable" boolean DEFAULT true NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "study_codes_sibling_name" UNIQUE NULLS NOT DISTINCT("study_id","parent_id","name")
);
--> statement-breakpoint
ALTER TABLE "study_codes" ADD CONSTRAINT "study_codes_study_id_studies_id_fk" FOREIGN KEY ("study_id") REFERENCES "public"."studies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Deferred: a restore may load a code before its parent; the transaction ends with every parent present.
ALTER TABLE "study_codes" ADD CONSTRAINT "study_codes_parent_id_study_codes_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."study_codes"("id") ON DELETE no action ON UPDATE no action DEFERRABLE INITIALLY DEFERRED;--> statement-breakpoint
CREATE INDEX "study_codes_study_idx" ON "study_codes" USING btree ("study_id");--> statement-breakpoint
ALTER TABLE "study_codes" ADD CONSTRAINT "study_codes_color_check" CHECK ("color" ~ '^#[0-9A-F]{6}$');
