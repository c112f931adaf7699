import { CAMPAIGN_EXPORT_FORMATS, type Language } from '@alongside/contracts';
import { toQueryString } from '../../api/client.ts';

export type CampaignExportFormat = (typeof CAMPAIGN_EXPORT_FORMATS)[number];

/**
 * The download of a campaign's data in one format (a zip), labels in one language, optionally one wave.
 * Built by hand: the export route is not in the typed client's schema yet.
 */
export function campaignExportUrl(
  campaignId: string,
  format: CampaignExportFormat,
  language: Language,
  waveId?: string,
): string {
  return `/api/campaigns/${encodeURIComponent(campaignId)}/export${toQueryString({ format, language, waveId })}`;
}

/** The anonymous link respondents of one program and group open (the respondent page, no sign-in). */
export const openLinkUrl = (origin: string, code: string): string =>
  `${origin.replace(/\/+$/, '')}/s/open/${encodeURIComponent(code)}`;
