import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Shown while we find out who is signed in. */
export function FullPageLoader() {
  const { t } = useTranslation();
  return (
    <main id="main" tabIndex={-1}>
      <Center h="100vh">
        <Loader aria-label={t('common.loading')} role="status" />
      </Center>
    </main>
  );
}
