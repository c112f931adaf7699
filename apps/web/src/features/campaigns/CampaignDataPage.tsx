import { CAMPAIGN_EXPORT_FORMATS, type Language } from '@alongside/contracts';
import { Button, Card, FileInput, Group, List, NativeSelect, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorAlert, SuccessAlert } from '../../components/Feedback.tsx';
import { describeError } from '../../lib/errors.ts';
import { useCampaignContext } from './campaign-context.ts';
import { fileToBase64 } from './inputs.ts';
import { fileProblems, useCampaignLabels } from './labels.ts';
import { campaignExportUrl } from './links.ts';
import { useImportResponses, type CampaignDetail } from './queries.ts';

/** Downloads for analysts, one per format, labels in the chosen language; the k rule applies to them too. */
function Exports({ campaign }: { campaign: CampaignDetail }) {
  const { t } = useTranslation();
  const labels = useCampaignLabels();
  const [language, setLanguage] = useState<Language>(campaign.languages[0] ?? 'en');
  const [waveId, setWaveId] = useState('');
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="exports-title">
      <Stack gap="md">
        <Title order={2} fz="xl" id="exports-title">
          {t('campaigns.exports.title')}
        </Title>
        <Text>{t('campaigns.exports.privacy', { k: campaign.k })}</Text>
        <Group align="end" gap="md" wrap="wrap">
          <NativeSelect
            label={t('campaigns.exports.labelLanguage')}
            description={t('campaigns.exports.labelLanguageHelp')}
            value={language}
            onChange={(e) => setLanguage(campaign.languages.find((l) => l === e.currentTarget.value) ?? 'en')}
            data={campaign.languages.map((l) => ({ value: l, label: labels.language(l) }))}
            maw={280}
          />
          <NativeSelect
            label={t('campaigns.fields.wave')}
            value={waveId}
            onChange={(e) => setWaveId(e.currentTarget.value)}
            data={[
              { value: '', label: t('campaigns.results.allWaves') },
              ...campaign.waves.map((w) => ({ value: w.id, label: w.name })),
            ]}
            maw={280}
          />
        </Group>
        <SimpleGrid
          cols={{ base: 1, sm: 2, lg: 3 }}
          spacing="md"
          component="ul"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
        >
          {CAMPAIGN_EXPORT_FORMATS.map((format) => (
            <Card component="li" key={format} withBorder radius="sm" padding="md">
              <Stack gap="xs" h="100%" justify="space-between">
                <div>
                  <Text fw={600}>{t(`campaigns.exports.formats.${format}.name`)}</Text>
                  <Text size="sm">{t(`campaigns.exports.formats.${format}.about`)}</Text>
                </div>
                <div>
                  <Button
                    component="a"
                    href={campaignExportUrl(campaign.id, format, language, waveId || undefined)}
                    download
                    variant="outline"
                  >
                    {t('campaigns.exports.download', { format: t(`campaigns.exports.formats.${format}.name`) })}
                  </Button>
                </div>
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
        <Text size="sm">{t('campaigns.exports.audited')}</Text>
      </Stack>
    </Card>
  );
}

/** A CSV of responses collected elsewhere, checked line by line by the server; nothing stored on any problem. */
function ImportResponses({ campaign }: { campaign: CampaignDetail }) {
  const { t } = useTranslation();
  const importer = useImportResponses(campaign.id);
  const [waveId, setWaveId] = useState(campaign.waves.at(-1)?.id ?? '');
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string>();
  const [done, setDone] = useState<string>();
  const problems = fileProblems(importer.error);

  const onSubmit = (e: SyntheticEvent<HTMLFormElement>) => {
    e.preventDefault();
    setDone(undefined);
    importer.reset();
    if (!file) {
      setFileError(t('campaigns.import.chooseFile'));
      return;
    }
    setFileError(undefined);
    const wave = campaign.waves.find((w) => w.id === waveId);
    fileToBase64(file).then(
      (content) =>
        importer.mutate(
          { waveId, filename: file.name, content },
          {
            onSuccess: (result) =>
              setDone(t('campaigns.import.done', { count: result.imported, wave: wave?.name ?? '' })),
          },
        ),
      () => setFileError(t('campaigns.import.unreadable')),
    );
  };

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="import-title">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <Title order={2} fz="xl" id="import-title">
            {t('campaigns.import.title')}
          </Title>
          <Text size="sm">{t('campaigns.import.intro')}</Text>
          <Group align="start" gap="md" wrap="wrap">
            <NativeSelect
              label={t('campaigns.fields.wave')}
              value={waveId}
              onChange={(e) => setWaveId(e.currentTarget.value)}
              data={campaign.waves.map((w) => ({ value: w.id, label: w.name }))}
              maw={280}
            />
            <FileInput
              label={t('campaigns.import.file')}
              description={t('campaigns.import.fileHelp')}
              placeholder={t('campaigns.import.filePlaceholder')}
              accept=".csv,text/csv"
              value={file}
              onChange={(f) => {
                setFile(f);
                setFileError(undefined);
                importer.reset();
              }}
              error={fileError}
              miw={260}
              maw={420}
            />
          </Group>
          <ErrorAlert
            message={
              importer.isError
                ? problems.length > 0
                  ? t('campaigns.import.problemsIntro', { count: problems.length })
                  : describeError(importer.error, t)
                : undefined
            }
            title={problems.length ? t('campaigns.import.nothingStored') : undefined}
          >
            {problems.length > 0 ? (
              <List
                size="sm"
                spacing={2}
                className="prewrap"
                style={{ maxHeight: 320, overflowY: 'auto' }}
                tabIndex={0}
                aria-label={t('campaigns.import.problemsLabel')}
              >
                {problems.map((p, i) => (
                  <List.Item key={i}>{p}</List.Item>
                ))}
              </List>
            ) : null}
          </ErrorAlert>
          <SuccessAlert message={done} onClose={() => setDone(undefined)} closeLabel={t('common.dismiss')} />
          <Group>
            <Button type="submit" loading={importer.isPending}>
              {t('campaigns.import.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

/** /campaigns/:id/data: exports for analysts, and responses collected elsewhere brought in. */
export function CampaignDataPage() {
  const { t } = useTranslation();
  const campaign = useCampaignContext();
  if (campaign.waves.length === 0) {
    return (
      <EmptyState headingOrder={2} title={t('campaigns.invitations.noWaveTitle')}>
        {t('campaigns.invitations.noWaveBody')}
      </EmptyState>
    );
  }
  return (
    <Stack gap="xl">
      <Exports campaign={campaign} />
      <ImportResponses campaign={campaign} />
    </Stack>
  );
}
