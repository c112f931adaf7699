import { InstrumentDefinitionSchema, type InstrumentDefinition } from '@alongside/contracts/instruments';
import type { Language } from '@alongside/contracts/vocabulary';
import { Alert, Button, Group, NativeSelect, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES } from '../../i18n/index.ts';
import { SurveyForm } from '../surveys/SurveyForm.tsx';

/** The respondent's view of the instrument as it is now, in a chosen language; answers here go nowhere. */
export function PreviewPanel({ definition }: { definition: InstrumentDefinition }) {
  const { t } = useTranslation();
  const languages = definition.languages.map((l) => l.code);
  const [chosen, setChosen] = useState<Language>(definition.sourceLanguage);
  const language = languages.includes(chosen) ? chosen : definition.sourceLanguage;
  const [finished, setFinished] = useState(false);
  // A new key starts the preview over (clears the answers given in it).
  const [round, setRound] = useState(0);
  const valid = InstrumentDefinitionSchema.safeParse(definition).success;

  return (
    <Stack gap="md">
      <Group align="end" wrap="wrap">
        <NativeSelect
          label={t('instrumentEditor.preview.language')}
          value={language}
          onChange={(e) => setChosen(e.currentTarget.value as Language)}
          data={languages.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
          maw={240}
        />
        <Button
          variant="outline"
          onClick={() => {
            setRound((r) => r + 1);
            setFinished(false);
          }}
        >
          {t('instrumentEditor.preview.startOver')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t('instrumentEditor.preview.intro')}
      </Text>
      {finished ? (
        <Alert color="alongside" variant="light" role="status">
          {t('instrumentEditor.preview.finished')}
        </Alert>
      ) : null}
      {valid ? (
        <Paper withBorder radius="md" p={0} style={{ overflow: 'hidden' }} lang={language}>
          <SurveyForm
            key={round}
            definition={definition}
            language={language}
            initialAnswers={{}}
            onSubmit={() => {
              setFinished(true);
              return Promise.resolve(false);
            }}
          />
        </Paper>
      ) : (
        <Alert color="yellow" variant="light" role="note">
          {t('instrumentEditor.preview.fixFirst')}
        </Alert>
      )}
    </Stack>
  );
}
