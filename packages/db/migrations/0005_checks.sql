-- Enum-like columns accept only the values the contracts define (packages/db/src/enum-columns.ts), and no
-- organization can set k below the floor of 3 (packages/stats disclosure.ts).
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_privacy_threshold_k_check" CHECK ("privacy_threshold_k" BETWEEN 3 AND 50);--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_country_code_check" CHECK ("country_code" IN ('CA', 'NO'));--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_setting_check" CHECK ("setting" IN ('inpatient', 'outpatient', 'emergency', 'community_team', 'assertive_community_treatment', 'addictions', 'youth', 'primary_care'));--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_employer_type_check" CHECK ("employer_type" IN ('host', 'partner_ngo'));--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_supervision_model_check" CHECK ("supervision_model" IN ('peer', 'clinical', 'both', 'none'));--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_rollout_phase_check" CHECK ("rollout_phase" IN ('planning', 'pilot', 'partial', 'full'));--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_language_check" CHECK ("language" IN ('en', 'fr', 'nb'));--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_role_check" CHECK ("role" IN ('peer_support_worker', 'peer_supervisor', 'nurse', 'psychiatrist', 'psychologist', 'occupational_therapist', 'social_worker', 'manager', 'researcher', 'org_admin'));--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_role_check" CHECK ("role" IN ('peer_support_worker', 'peer_supervisor', 'nurse', 'psychiatrist', 'psychologist', 'occupational_therapist', 'social_worker', 'manager', 'researcher', 'org_admin'));--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_language_check" CHECK ("language" IN ('en', 'fr', 'nb'));--> statement-breakpoint
ALTER TABLE "consent_records" ADD CONSTRAINT "consent_records_purpose_check" CHECK ("purpose" IN ('share_with_care_team', 'research_use', 'lockbox'));--> statement-breakpoint
ALTER TABLE "consent_records" ADD CONSTRAINT "consent_records_decision_check" CHECK ("decision" IN ('per_item', 'none', 'yes', 'no', 'on', 'off'));--> statement-breakpoint
ALTER TABLE "consent_records" ADD CONSTRAINT "consent_records_method_check" CHECK ("method" IN ('in_person', 'written', 'verbal'));--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_mode_check" CHECK ("mode" IN ('in_person', 'phone', 'video', 'text_message', 'group', 'accompaniment'));--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_location_check" CHECK ("location" IN ('ward', 'community', 'emergency_department', 'home', 'online'));--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_activities_check" CHECK ("activities" <@ ARRAY['emotional_support', 'social_support', 'navigating_services', 'advocacy', 'hope_and_recovery', 'sharing_own_experience', 'community_resources', 'crisis_support']::text[]);--> statement-breakpoint
ALTER TABLE "voice_items" ADD CONSTRAINT "voice_items_kind_check" CHECK ("kind" IN ('goal', 'preference', 'concern', 'question', 'feedback'));--> statement-breakpoint
ALTER TABLE "voice_items" ADD CONSTRAINT "voice_items_status_check" CHECK ("status" IN ('open', 'acknowledged', 'answered', 'returned', 'withdrawn'));--> statement-breakpoint
ALTER TABLE "connections" ADD CONSTRAINT "connections_direction_check" CHECK ("direction" IN ('from_peer_support', 'to_peer_support'));--> statement-breakpoint
ALTER TABLE "connections" ADD CONSTRAINT "connections_status_check" CHECK ("status" IN ('proposed', 'accepted', 'met', 'completed', 'declined', 'did_not_attend'));--> statement-breakpoint
ALTER TABLE "connections" ADD CONSTRAINT "connections_referrer_role_check" CHECK ("referrer_role" IN ('peer_support_worker', 'peer_supervisor', 'nurse', 'psychiatrist', 'psychologist', 'occupational_therapist', 'social_worker', 'manager', 'researcher'));--> statement-breakpoint
ALTER TABLE "connection_events" ADD CONSTRAINT "connection_events_status_check" CHECK ("status" IN ('proposed', 'accepted', 'met', 'completed', 'declined', 'did_not_attend'));--> statement-breakpoint
ALTER TABLE "huddle_attendees" ADD CONSTRAINT "huddle_attendees_role_check" CHECK ("role" IN ('peer_support_worker', 'peer_supervisor', 'nurse', 'psychiatrist', 'psychologist', 'occupational_therapist', 'social_worker', 'manager', 'researcher', 'org_admin'));--> statement-breakpoint
ALTER TABLE "wellbeing_instruments" ADD CONSTRAINT "wellbeing_instruments_licence_status_check" CHECK ("licence_status" IN ('own_non_validated', 'free', 'conditional', 'permission_recorded'));--> statement-breakpoint
ALTER TABLE "wellbeing_nudges" ADD CONSTRAINT "wellbeing_nudges_reason_check" CHECK ("reason" IN ('threshold', 'rising'));--> statement-breakpoint
ALTER TABLE "step_aways" ADD CONSTRAINT "step_aways_agreement_method_check" CHECK ("agreement_method" IN ('in_person', 'written', 'verbal'));--> statement-breakpoint
ALTER TABLE "supervision_sessions" ADD CONSTRAINT "supervision_sessions_kind_check" CHECK ("kind" IN ('peer', 'clinical', 'group'));
