-- The two steps of a survey submission as functions, so that their plans are prepared once per database session
-- (PL/pgSQL keeps them) instead of for every respondent: planning the five-table join took longer than running it,
-- most of all on the embedded database.

-- What a link leads to: a personal invitation (by its token's hash), else a continuation code's draft (by its key's
-- hash), else an open link (by its code) — the campaign (not purged), the wave and the instrument version its
-- stakeholder group answers. The language is the link's own; an open link starts in the campaign's first language.
CREATE FUNCTION survey_link_target(invitation_hash text, draft_hash text, open_code text)
  RETURNS TABLE (
    "campaignId" uuid, "privacyMode" text, languages text[], "waveId" uuid, "opensOn" text, "closesOn" text,
    "programId" uuid, "group" text, language text, "instrumentVersionId" uuid, "instrumentLocked" boolean, "invitationId" uuid)
  LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN QUERY
  SELECT c.id, c.privacy_mode, c.languages, w.id, w.opens_on::text, w.closes_on::text, l.program_id, l."group",
    COALESCE(l.language, c.languages[1]), g.instrument_version_id, v.locked_at IS NOT NULL, l.invitation_id
  FROM (
    SELECT 1 AS rank, i.id AS invitation_id, i.campaign_id, i.wave_id, i.program_id, i."group", i.language
      FROM survey_invitations i WHERE i.token_hash = invitation_hash
    UNION ALL
    SELECT 2, NULL, d.campaign_id, d.wave_id, d.program_id, d."group", d.language FROM survey_drafts d WHERE d.key_hash = draft_hash
    UNION ALL
    SELECT 3, NULL, o.campaign_id, o.wave_id, o.program_id, o."group", NULL FROM survey_open_links o WHERE o.code = open_code
  ) l
  JOIN campaigns c ON c.id = l.campaign_id AND c.purged_at IS NULL
  JOIN campaign_waves w ON w.id = l.wave_id AND w.campaign_id = c.id
  JOIN campaign_groups g ON g.campaign_id = c.id AND g."group" = l."group"
  JOIN instrument_versions v ON v.id = g.instrument_version_id
  ORDER BY l.rank
  LIMIT 1;
END;
$$;
--> statement-breakpoint
-- Stores a submitted response and returns its id, or NULL when the link was already used. One response per link:
-- - identified: the response names its invitation (a unique index refuses a second);
-- - tracked-anonymous: the invitation's completion, kept apart and naming no response, is the guard — a second
--   submission sees it (moved or still queued), or, when both run at once, fails on the queue's key;
-- - an open link's continuation code: deleting its draft is what lets one submission through.
-- Each statement here sees what committed before it started (a function's statements take their own snapshots).
CREATE FUNCTION survey_store_response(
  campaign uuid, wave uuid, program uuid, stakeholder_group text, response_language text, instrument_version uuid,
  identified_invitation uuid, tracked_invitation uuid, draft_hash text, by_draft boolean, day date, moment timestamptz,
  response_answers jsonb)
  RETURNS uuid LANGUAGE plpgsql AS $$
DECLARE
  stored uuid;
BEGIN
  IF tracked_invitation IS NOT NULL THEN
    IF EXISTS (SELECT 1 FROM survey_completions WHERE invitation_id = tracked_invitation)
      OR EXISTS (SELECT 1 FROM survey_completion_queue WHERE invitation_id = tracked_invitation) THEN
      RETURN NULL;
    END IF;
    INSERT INTO survey_completion_queue (invitation_id, completed_on) VALUES (tracked_invitation, day);
  END IF;
  IF by_draft THEN
    DELETE FROM survey_drafts WHERE key_hash = draft_hash;
    IF NOT FOUND THEN
      RETURN NULL;
    END IF;
  END IF;
  INSERT INTO survey_responses (campaign_id, wave_id, program_id, "group", language, instrument_version_id, invitation_id,
      submitted_on, submitted_at, source, answers)
    VALUES (campaign, wave, program, stakeholder_group, response_language, instrument_version, identified_invitation,
      day, moment, 'web', response_answers)
    RETURNING id INTO stored;
  IF NOT by_draft THEN
    DELETE FROM survey_drafts WHERE key_hash = draft_hash;
  END IF;
  RETURN stored;
END;
$$;
