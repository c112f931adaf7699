import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LockIcon } from '../../components/Icons.tsx';

/**
 * Who reads supervision notes: the PSP and this supervisor, nobody else (not managers, not other supervisors).
 * A lock and words, like PrivacyLabel, but as text that wraps (the sentence names the PSP). Spans only, so it
 * can sit inside a field's description.
 */
export function NotesPrivacy({ name }: { name: string | undefined }) {
  const { t } = useTranslation();
  return (
    <Text component="span" size="sm" fw={500} c="gray.8" style={{ display: 'inline-flex', gap: 6, alignItems: 'center' }}>
      <LockIcon />
      <span>{name ? t('supervision.notesPrivacy', { name: name }) : t('supervision.notesPrivacyNoName')}</span>
    </Text>
  );
}
