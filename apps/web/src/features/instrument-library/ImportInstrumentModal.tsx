import { LANGUAGES, type ImportNotice, type Language } from '@alongside/contracts';
import { Button, FileInput, Group, List, Modal, NativeSelect, Stack, Text } from '@mantine/core';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert, SuccessAlert } from '../../components/Feedback.tsx';
import { describeError } from '../../lib/errors.ts';
import { fileToBase64 } from '../campaigns/inputs.ts';
import { fileProblems, useCampaignLabels } from '../campaigns/labels.ts';
import { noticePlace, sortNotices } from './library.ts';
import { useImportInstrument, type ImportResult } from './queries.ts';

/** Words for where in a file something is, in the interface language. */
export function usePlaceWords() {
  const { t } = useTranslation();
  return {
    sheet: (name: string) => t('instrumentLibrary.place.sheet', { name }),
    line: (n: number) => t('instrumentLibrary.place.line', { n }),
    row: (n: number) => t('instrumentLibrary.place.row', { n }),
    column: (n: number) => t('instrumentLibrary.place.column', { n }),
    field: (name: string) => t('instrumentLibrary.place.field', { name }),
  };
}

/** What an import could not carry over, line by line, in file order. */
export function NoticeList({ notices, label }: { notices: readonly ImportNotice[]; label: string }) {
  const words = usePlaceWords();
  return (
    <List
      size="sm"
      spacing={4}
      style={{ maxHeight: 320, overflowY: 'auto' }}
      tabIndex={0}
      aria-label={label}
      className="prewrap"
    >
      {sortNotices(notices).map((n, i) => {
        const place = noticePlace(n, words);
        return <List.Item key={i}>{place ? `${place}: ${n.message}` : n.message}</List.Item>;
      })}
    </List>
  );
}

/** Import a file into the shared library: the format is read from the content; notices and errors shown line by line. */
export function ImportInstrumentModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const labels = useCampaignLabels();
  const importer = useImportInstrument();
  const [file, setFile] = useState<File | null>(null);
  const [language, setLanguage] = useState<Language | ''>('');
  const [fileError, setFileError] = useState<string>();
  const [result, setResult] = useState<ImportResult>();
  const problems = fileProblems(importer.error);

  const onSubmit = (e: SyntheticEvent<HTMLFormElement>) => {
    e.preventDefault();
    importer.reset();
    if (!file) {
      setFileError(t('instrumentLibrary.import.chooseFile'));
      return;
    }
    setFileError(undefined);
    fileToBase64(file).then(
      (content) =>
        importer.mutate({ filename: file.name, content, ...(language ? { language } : {}) }, { onSuccess: setResult }),
      () => setFileError(t('instrumentLibrary.import.unreadable')),
    );
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('instrumentLibrary.import.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {result ? (
        <Stack gap="md">
          <SuccessAlert
            message={t('instrumentLibrary.import.done', {
              name: result.instrument.name,
              format: t(`instrumentLibrary.formats.${result.format}`),
            })}
          />
          {result.notices.length > 0 ? (
            <Stack gap="xs">
              <Text fw={600}>{t('instrumentLibrary.import.noticesTitle', { count: result.notices.length })}</Text>
              <Text size="sm">{t('instrumentLibrary.import.noticesIntro')}</Text>
              <NoticeList
                notices={result.notices}
                label={t('instrumentLibrary.import.noticesTitle', { count: result.notices.length })}
              />
            </Stack>
          ) : (
            <Text>{t('instrumentLibrary.import.noNotices')}</Text>
          )}
          {!result.instrument.usable ? <Text>{t('instrumentLibrary.import.needsPermission')}</Text> : null}
          <Group justify="flex-end">
            <Button variant="outline" onClick={onClose}>
              {t('common.close')}
            </Button>
            <Button component={Link} to={`/instruments/${result.instrument.id}`}>
              {t('instrumentLibrary.import.open')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="md">
            <Text size="sm">{t('instrumentLibrary.import.intro')}</Text>
            <FileInput
              label={t('instrumentLibrary.import.file')}
              description={t('instrumentLibrary.import.fileHelp')}
              placeholder={t('instrumentLibrary.import.filePlaceholder')}
              accept=".json,.csv,.xlsx,application/json,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              value={file}
              onChange={(f) => {
                setFile(f);
                setFileError(undefined);
                importer.reset();
              }}
              error={fileError}
              data-autofocus
            />
            <NativeSelect
              label={t('instrumentLibrary.import.language')}
              description={t('instrumentLibrary.import.languageHelp')}
              value={language}
              onChange={(e) => setLanguage(LANGUAGES.find((l) => l === e.currentTarget.value) ?? '')}
              data={[
                { value: '', label: t('instrumentLibrary.import.languageDefault') },
                ...LANGUAGES.map((l) => ({ value: l, label: labels.language(l) })),
              ]}
            />
            <ErrorAlert
              message={
                importer.isError
                  ? problems.length > 0
                    ? t('instrumentLibrary.import.problemsIntro', { count: problems.length })
                    : describeError(importer.error, t)
                  : undefined
              }
              title={problems.length ? t('instrumentLibrary.import.nothingStored') : undefined}
            >
              {problems.length > 0 ? (
                <List
                  size="sm"
                  spacing={2}
                  className="prewrap"
                  style={{ maxHeight: 280, overflowY: 'auto' }}
                  tabIndex={0}
                  aria-label={t('instrumentLibrary.import.problemsLabel')}
                >
                  {problems.map((p, i) => (
                    <List.Item key={i}>{p}</List.Item>
                  ))}
                </List>
              ) : null}
            </ErrorAlert>
            <Group justify="flex-end">
              <Button variant="outline" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={importer.isPending}>
                {t('instrumentLibrary.import.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
