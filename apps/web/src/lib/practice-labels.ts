import type { ConnectionStatus, ContactActivity, Contact, Connection, VoiceItem } from '@alongside/contracts';
import { useTranslation } from 'react-i18next';

/** Translated names for the practice vocabulary (contact modes, places, activities, voice items, connections). */
export function usePracticeLabels() {
  const { t } = useTranslation();
  return {
    mode: (v: Contact['mode']) => t(`contactModes.${v}`),
    location: (v: Contact['location']) => t(`contactLocations.${v}`),
    activity: (v: ContactActivity) => t(`activities.${v}`),
    voiceKind: (v: VoiceItem['kind']) => t(`voiceKinds.${v}`),
    voiceStatus: (v: VoiceItem['status']) => t(`voiceStatuses.${v}`),
    connectionStatus: (v: ConnectionStatus) => t(`connectionStatuses.${v}`),
    service: (v: NonNullable<Connection['service']>) => t(`services.${v}`),
  };
}
