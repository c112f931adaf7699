import { CONSENT_SCOPES, STUDY_ROLES } from '@alongside/contracts';
import { useTranslation } from 'react-i18next';
import { useCampaignLabels } from '../campaigns/labels.ts';

export type ConsentScope = (typeof CONSENT_SCOPES)[number];
export type StudyRoleName = (typeof STUDY_ROLES)[number];

/**
 * Translated names for a study's vocabulary: its roles and what consent allows, with the research vocabulary
 * (stakeholder groups, countries, settings) shared with campaigns.
 */
export function useStudyLabels() {
  const { t } = useTranslation();
  const research = useCampaignLabels();
  return {
    group: research.group,
    country: research.country,
    setting: research.setting,
    role: (role: StudyRoleName): string => t(`studies.roles.${role}`),
    roleExplained: (role: StudyRoleName): string => t(`studies.roleExplained.${role}`),
    consentScope: (scope: ConsentScope): string => t(`studies.consentScopes.${scope}`),
  };
}
