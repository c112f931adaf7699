import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';

/**
 * PLACEHOLDER for the instrument editor (items, scales, subscales, languages side by side, preview), which is
 * built as `InstrumentEditor` in features/instruments. When it lands, the route /instruments/:id/edit in
 * router.tsx renders it instead of this page, and this file goes.
 */
export function InstrumentEditorPlaceholder() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  return (
    <Stack gap="md">
      <PageHeader title={t('instrumentLibrary.editor.title')} />
      <Text>{t('instrumentLibrary.editor.coming')}</Text>
      <Text>{t('instrumentLibrary.editor.meanwhile')}</Text>
      <Group>
        <Button component={Link} to={`/instruments/${encodeURIComponent(id)}`}>
          {t('instrumentLibrary.editor.back')}
        </Button>
      </Group>
    </Stack>
  );
}
