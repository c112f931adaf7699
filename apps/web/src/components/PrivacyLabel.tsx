import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LockIcon, PeopleIcon } from './Icons.tsx';

/**
 * Who will see a piece of text (UX.md "Privacy made visible"): a lock for peer-tier content,
 * a people icon for what is shared with the care team. Icon and words, never colour alone.
 */
export function PrivacyLabel({ kind }: { kind: 'peer' | 'shared' | 'notShared' | 'onlyYou' }) {
  const { t } = useTranslation();
  if (kind === 'shared') {
    return (
      <Badge variant="outline" color="alongside.9" radius="sm" tt="none" leftSection={<PeopleIcon />}>
        {t('privacy.shared')}
      </Badge>
    );
  }
  return (
    <Badge variant="outline" color="gray.8" radius="sm" tt="none" leftSection={<LockIcon />}>
      {kind === 'peer' ? t('privacy.peerOnly') : kind === 'onlyYou' ? t('privacy.onlyYou') : t('privacy.notShared')}
    </Badge>
  );
}
