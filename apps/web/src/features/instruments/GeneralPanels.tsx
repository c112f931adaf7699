import { STAKEHOLDER_GROUPS, TRANSLATION_METHODS, type InstrumentDefinition, type InstrumentLanguage, type StakeholderGroup } from '@alongside/contracts/instruments';
import { LANGUAGES, type Language } from '@alongside/contracts/vocabulary';
import { Badge, Button, Checkbox, Group, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES } from '../../i18n/index.ts';
import { problemsUnder, type Problem } from './editor-model.ts';
import { FieldProblems } from './FieldProblems.tsx';
import type { Edit } from './ItemCard.tsx';
import { ATTENTION_COLOR, LocalizedField } from './LocalizedField.tsx';

/** Title, description, who the wording is written for, and the wording substitutions. */
export function GeneralPanel({ definition, problems, edit }: { definition: InstrumentDefinition; problems: readonly Problem[]; edit: Edit }) {
  const { t } = useTranslation();
  const languages = definition.languages.map((l) => l.code);
  const source = definition.sourceLanguage;
  const top = problemsUnder(problems, 'title', 'description', 'audience', 'substitutions');
  const at = (prefix: string) => [...problemsUnder(problems, prefix).values()].flat();
  return (
    <Stack gap="md">
      <LocalizedField label={t('instrumentEditor.general.title')} value={definition.title} languages={languages} source={source} error={at('title').join(' ')} onChange={(title) => edit((d) => ({ ...d, title }))} />
      <LocalizedField
        label={t('instrumentEditor.general.description')}
        value={definition.description}
        languages={languages}
        source={source}
        multiline
        optional
        onChange={(description) =>
          edit(({ description: _old, ...rest }) => (Object.keys(description).length > 0 ? { ...rest, description } : rest))
        }
      />
      <Checkbox.Group
        label={t('instrumentEditor.general.audience')}
        description={t('instrumentEditor.general.audienceHelp')}
        value={definition.audience}
        onChange={(values) => edit((d) => ({ ...d, audience: STAKEHOLDER_GROUPS.filter((g) => values.includes(g)) }))}
      >
        <Group gap="lg" mt="xs" wrap="wrap">
          {STAKEHOLDER_GROUPS.map((group: StakeholderGroup) => (
            <Checkbox key={group} value={group} label={t(`instrumentEditor.groups.${group}`)} />
          ))}
        </Group>
      </Checkbox.Group>

      <Stack gap="sm" component="section" aria-labelledby="substitutions-title">
        <Title order={3} fz="lg" id="substitutions-title">
          {t('instrumentEditor.substitutions.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('instrumentEditor.substitutions.intro')}
        </Text>
        <FieldProblems messages={top.get('') ?? []} />
        {definition.substitutions.map((substitution, index) => (
          <Paper key={index} withBorder p="sm" radius="md" bg="gray.0">
            <Stack gap="xs">
              <FieldProblems messages={at(`substitutions.${index}`)} />
              <LocalizedField
                label={t('instrumentEditor.substitutions.find')}
                value={substitution.find}
                languages={languages}
                source={source}
                onChange={(find) => edit((d) => ({ ...d, substitutions: d.substitutions.map((s, i) => (i === index ? { ...s, find } : s)) }))}
              />
              <LocalizedField
                label={t('instrumentEditor.substitutions.replace')}
                value={substitution.replace}
                languages={languages}
                source={source}
                onChange={(replace) => edit((d) => ({ ...d, substitutions: d.substitutions.map((s, i) => (i === index ? { ...s, replace } : s)) }))}
              />
              <Group>
                <Button variant="outline" color="red.9" onClick={() => edit((d) => ({ ...d, substitutions: d.substitutions.filter((_, i) => i !== index) }))}>
                  {t('instrumentEditor.substitutions.remove')}
                </Button>
              </Group>
            </Stack>
          </Paper>
        ))}
        <Group>
          <Button
            variant="outline"
            disabled={definition.substitutions.length >= 20}
            onClick={() => edit((d) => ({ ...d, substitutions: [...d.substitutions, { find: {}, replace: {} }] }))}
          >
            {t('instrumentEditor.substitutions.add')}
          </Button>
        </Group>
      </Stack>
    </Stack>
  );
}

/** The instrument's languages: which, which is the source, and each translation's provenance and open reviews. */
export function LanguagesPanel({ definition, problems, edit }: { definition: InstrumentDefinition; problems: readonly Problem[]; edit: Edit }) {
  const { t } = useTranslation();
  const has = (code: Language) => definition.languages.some((l) => l.code === code);
  const setLanguage = (code: Language, change: Partial<InstrumentLanguage>) =>
    edit((d) => ({ ...d, languages: d.languages.map((l) => (l.code === code ? { ...l, ...change } : l)) }));
  return (
    <Stack gap="md">
      <Text>{t('instrumentEditor.languages.intro')}</Text>
      <FieldProblems messages={[...problemsUnder(problems, 'languages', 'sourceLanguage').values()].flat()} />
      <NativeSelect
        label={t('instrumentEditor.languages.source')}
        description={t('instrumentEditor.languages.sourceHelp')}
        value={definition.sourceLanguage}
        onChange={(e) => {
          const code = e.currentTarget.value as Language;
          edit((d) => ({ ...d, sourceLanguage: code }));
        }}
        data={definition.languages.map((l) => ({ value: l.code, label: LANGUAGE_NAMES[l.code] }))}
        maw={320}
      />
      {LANGUAGES.map((code) => {
        const language = definition.languages.find((l) => l.code === code);
        const isSource = code === definition.sourceLanguage;
        return (
          <Paper key={code} withBorder p="md" radius="md" component="section" aria-label={LANGUAGE_NAMES[code]}>
            <Stack gap="sm">
              <Group justify="space-between" wrap="wrap">
                <Checkbox
                  label={LANGUAGE_NAMES[code]}
                  checked={has(code)}
                  disabled={isSource || (has(code) && definition.languages.length === 1)}
                  onChange={(e) => {
                    const on = e.currentTarget.checked;
                    edit((d) => ({
                      ...d,
                      languages: on
                        ? LANGUAGES.flatMap((c) => d.languages.filter((l) => l.code === c).concat(c === code ? [{ code, validated: false, method: 'unknown', staleItems: [] }] : []))
                        : d.languages.filter((l) => l.code !== code),
                    }));
                  }}
                />
                {isSource ? (
                  <Badge variant="outline" color="gray.8" radius="sm" tt="none">
                    {t('instrumentEditor.languages.sourceBadge')}
                  </Badge>
                ) : null}
              </Group>
              {language ? (
                <>
                  <Group align="end" wrap="wrap">
                    <Checkbox
                      label={t('instrumentEditor.languages.validated')}
                      checked={language.validated}
                      onChange={(e) => {
                        const validated = e.currentTarget.checked;
                        setLanguage(code, { validated });
                      }}
                    />
                    <NativeSelect
                      label={t('instrumentEditor.languages.method')}
                      value={language.method}
                      onChange={(e) => setLanguage(code, { method: e.currentTarget.value as InstrumentLanguage['method'] })}
                      data={TRANSLATION_METHODS.map((m) => ({ value: m, label: t(`instrumentEditor.methods.${m}`) }))}
                    />
                  </Group>
                  <TextInput
                    label={t('instrumentEditor.languages.provenance')}
                    description={t('instrumentEditor.languages.provenanceHelp')}
                    value={language.source ?? ''}
                    onChange={(e) => {
                      const value = e.currentTarget.value;
                      edit((d) => ({
                        ...d,
                        languages: d.languages.map((l) => {
                          if (l.code !== code) return l;
                          const { source: _old, ...rest } = l;
                          return value.trim() ? { ...rest, source: value } : rest;
                        }),
                      }));
                    }}
                  />
                  {language.staleItems.length > 0 ? (
                    <Text size="sm" c={ATTENTION_COLOR}>
                      {t('instrumentEditor.languages.staleCount', { count: language.staleItems.length, names: language.staleItems.join(', ') })}
                    </Text>
                  ) : null}
                </>
              ) : null}
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}
