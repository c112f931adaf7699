import { Box, Container, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { applyLanguage } from '../i18n/index.ts';
import { LanguagePicker } from './LanguagePicker.tsx';

/**
 * Frame for pages seen before signing in: product name, language, and the page.
 * Pages whose form has its own language field turn the header picker off (one "Language" per page).
 */
export function PublicLayout({ children, languagePicker = true }: { children: ReactNode; languagePicker?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <a href="#main" className="skip-link">
        {t('shell.skipToContent')}
      </a>
      <Box component="header" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Container size="sm">
          <Group justify="space-between" align="end" wrap="wrap" gap="sm">
            <Box>
              <Text fw={700} fz="xl" c="alongside.8">
                {t('common.productName')}
              </Text>
              <Text size="sm" c="dimmed">
                {t('common.tagline')}
              </Text>
            </Box>
            {languagePicker ? <LanguagePicker onChange={applyLanguage} maw={200} /> : null}
          </Group>
        </Container>
      </Box>
      <Box component="main" id="main" tabIndex={-1} py="xl">
        <Container size="sm">{children}</Container>
      </Box>
    </>
  );
}
