import { LANGUAGES, PRIVACY_MODES, STAKEHOLDER_GROUPS, type Language, type PrivacyMode } from '@alongside/contracts';
import {
  Anchor,
  Button,
  Card,
  Checkbox,
  Fieldset,
  Group,
  Loader,
  NativeSelect,
  NumberInput,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useRef, useState, type ReactNode, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { ErrorAlert, LoadError } from '../../components/Feedback.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { describeError, translateServerMessage } from '../../lib/errors.ts';
import { localDay } from '../step-away/rules.ts';
import {
  chosenSummary,
  draftProblems,
  emptyDraft,
  fieldOfServerProblem,
  groupProgramsByCountry,
  RESEARCH_MIN_K,
  toCreateBody,
  type CampaignDraft,
  type DirectoryEntry,
} from './campaign-form.ts';
import { useCampaignLabels } from './labels.ts';
import { PlanningCard, type PlanningCardHandle } from './PlanningCard.tsx';
import { useCreateCampaign, useInstruments, useProgramDirectory, type LibraryInstrument } from './queries.ts';

/** The same messages without the one for `field` (the same object when there was none, so React skips a render). */
const withoutKey = (messages: Record<string, string>, field: string): Record<string, string> =>
  messages[field] ? Object.fromEntries(Object.entries(messages).filter(([name]) => name !== field)) : messages;

function Section({
  id,
  title,
  intro,
  children,
}: {
  id: string;
  title: string;
  intro?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={id}>
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} fz="xl" id={id}>
            {title}
          </Title>
          {intro ? <Text size="sm">{intro}</Text> : null}
        </Stack>
        {children}
      </Stack>
    </Card>
  );
}

/** Per stakeholder group: whether it is surveyed, and with which instrument version (unusable ones shown, disabled, with why). */
function GroupsField({
  draft,
  setGroups,
  instruments,
  errors,
}: {
  draft: CampaignDraft;
  setGroups: (groups: CampaignDraft['groups'], touched: string) => void;
  instruments: LibraryInstrument[];
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const labels = useCampaignLabels();
  const unusable = instruments.filter((i) => !i.usable);
  const options = [
    { value: '', label: t('campaigns.form.chooseInstrument') },
    ...instruments.map((i) => ({
      value: i.latestVersion.id,
      label: i.usable
        ? t('campaigns.form.instrumentOption', { name: i.name, version: i.latestVersion.number })
        : t('campaigns.form.instrumentUnusable', { name: i.name, version: i.latestVersion.number }),
      disabled: !i.usable,
    })),
  ];
  if (instruments.length === 0) {
    return (
      <Text>
        {t('campaigns.form.noInstruments')}{' '}
        <Anchor component={Link} to="/instruments" className="plain-link">
          {t('campaigns.form.toLibrary')}
        </Anchor>
      </Text>
    );
  }
  return (
    <Stack gap="md">
      {STAKEHOLDER_GROUPS.map((group) => {
        const chosen = draft.groups[group] !== undefined;
        return (
          <Stack key={group} gap="xs">
            <Checkbox
              size="md"
              label={t('campaigns.form.surveyGroup', { group: labels.group(group) })}
              checked={chosen}
              onChange={(e) => {
                const next = e.currentTarget.checked
                  ? { ...draft.groups, [group]: '' }
                  : Object.fromEntries(Object.entries(draft.groups).filter(([g]) => g !== group));
                setGroups(next, `groups.${group}`);
              }}
            />
            {chosen ? (
              <NativeSelect
                ml={{ base: 0, sm: 32 }}
                maw={560}
                label={t('campaigns.form.instrumentFor', { group: labels.group(group) })}
                value={draft.groups[group]}
                onChange={(e) => setGroups({ ...draft.groups, [group]: e.currentTarget.value }, `groups.${group}`)}
                data={options}
                error={errors[`groups.${group}`]}
              />
            ) : null}
          </Stack>
        );
      })}
      {errors.groups ? (
        <Text c="red.8" size="sm" role="alert">
          {errors.groups}
        </Text>
      ) : null}
      {unusable.length > 0 ? (
        <Text size="sm">
          {t('campaigns.form.unusableNote', { names: unusable.map((i) => i.name).join(', ') })}{' '}
          <Anchor component={Link} to="/instruments" className="plain-link">
            {t('campaigns.form.toLibrary')}
          </Anchor>
        </Text>
      ) : null}
    </Stack>
  );
}

/** Programs from the directory, grouped by country, with a filter and "choose all shown" per country. */
function ProgramsField({
  directory,
  chosen,
  setChosen,
  error,
}: {
  directory: DirectoryEntry[];
  chosen: string[];
  setChosen: (ids: string[]) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const labels = useCampaignLabels();
  const [filter, setFilter] = useState('');
  const countries = groupProgramsByCountry(directory, filter, labels.setting);
  const summary = chosenSummary(directory, chosen);
  const set = new Set(chosen);
  return (
    <Stack gap="md">
      <TextInput
        label={t('campaigns.form.filterPrograms')}
        description={t('campaigns.form.filterProgramsHelp')}
        value={filter}
        onChange={(e) => setFilter(e.currentTarget.value)}
        maw={420}
        type="search"
      />
      <Text size="sm" role="status" aria-live="polite">
        {summary.programs === 0
          ? t('campaigns.form.noneChosen')
          : t('campaigns.form.chosen', {
              count: summary.programs,
              countries: summary.countries.map(labels.country).join(', '),
            })}
      </Text>
      {error ? (
        <Text c="red.8" size="sm" role="alert">
          {error}
        </Text>
      ) : null}
      {countries.length === 0 ? <Text>{t('campaigns.form.noProgramMatches')}</Text> : null}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {countries.map(({ countryCode, programs }) => {
          const shownIds = programs.map((p) => p.programId);
          const chosenHere = shownIds.filter((id) => set.has(id)).length;
          return (
            <Fieldset
              key={countryCode}
              legend={t('campaigns.form.countryLegend', {
                country: labels.country(countryCode),
                chosen: chosenHere,
                shown: programs.length,
              })}
            >
              <Stack gap="xs">
                <Group gap="xs">
                  <Button size="xs" variant="outline" onClick={() => setChosen([...new Set([...chosen, ...shownIds])])}>
                    {t('campaigns.form.chooseAllShown', { country: labels.country(countryCode) })}
                  </Button>
                  <Button
                    size="xs"
                    variant="subtle"
                    onClick={() => setChosen(chosen.filter((id) => !shownIds.includes(id)))}
                  >
                    {t('campaigns.form.clearShown', { country: labels.country(countryCode) })}
                  </Button>
                </Group>
                {programs.map((p) => (
                  <Checkbox
                    key={p.programId}
                    size="md"
                    checked={set.has(p.programId)}
                    onChange={(e) =>
                      setChosen(
                        e.currentTarget.checked ? [...chosen, p.programId] : chosen.filter((id) => id !== p.programId),
                      )
                    }
                    label={p.programName}
                    description={`${p.organizationName} · ${labels.setting(p.setting)}`}
                  />
                ))}
              </Stack>
            </Fieldset>
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}

/** A new campaign: its terms, privacy, groups and instruments, programs, and what respondents read first. */
export function NewCampaignPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const labels = useCampaignLabels();
  const instruments = useInstruments();
  const directory = useProgramDirectory();
  const create = useCreateCampaign();
  const [draft, setDraft] = useState<CampaignDraft>(emptyDraft);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<string>();
  const formRef = useRef<HTMLFormElement>(null);
  const planningRef = useRef<PlanningCardHandle>(null);
  // After a failed submit, start at the first field with a message (keyboard and screen reader users land there).
  const [focusProblem, setFocusProblem] = useState(0);
  useEffect(() => {
    if (focusProblem === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusProblem]);

  const update = <K extends keyof CampaignDraft>(key: K, value: CampaignDraft[K], field: string = key) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setErrors((e) => withoutKey(e, field));
  };

  const onSubmit = (e: SyntheticEvent<HTMLFormElement>) => {
    e.preventDefault();
    setSummary(undefined);
    const problems = draftProblems(draft, localDay(new Date()));
    const messages = Object.fromEntries(
      Object.entries(problems).map(([field, problem]) => [
        field,
        t(`campaigns.form.problems.${problem}`, { k: RESEARCH_MIN_K }),
      ]),
    );
    setErrors(messages);
    if (Object.keys(messages).length > 0) {
      setSummary(t('campaigns.form.fixFields', { count: Object.keys(messages).length }));
      setFocusProblem((n) => n + 1);
      return;
    }
    const body = toCreateBody(draft);
    create.mutate(body, {
      onSuccess: (campaign) => void navigate(`/campaigns/${campaign.id}`),
      onError: (error) => {
        // What was typed stays; the server's problems go beside their fields.
        const fields: Record<string, string> = {};
        const stray: string[] = [];
        if (error instanceof ApiError) {
          for (const p of error.fieldProblems) {
            const field = p.field ? fieldOfServerProblem(p.field, body) : '';
            const message = translateServerMessage(p.message, t);
            if (field && !fields[field]) fields[field] = message;
            else stray.push(message);
          }
        }
        setErrors(fields);
        setSummary([describeError(error, t), ...stray].join(' '));
        if (Object.keys(fields).length > 0) setFocusProblem((n) => n + 1);
      },
    });
  };

  const loading = instruments.isPending || directory.isPending;
  const loadError = instruments.error ?? directory.error;

  return (
    <Stack gap="lg">
      <PageHeader title={t('campaigns.form.title')} description={t('campaigns.form.intro')} />
      {loading ? (
        <Loader role="status" aria-label={t('common.loading')} />
      ) : loadError ? (
        <LoadError
          message={describeError(loadError, t)}
          onRetry={() => {
            void instruments.refetch();
            void directory.refetch();
          }}
          retryLabel={t('common.tryAgain')}
        />
      ) : (
        <form ref={formRef} onSubmit={onSubmit} noValidate>
          <Stack gap="lg">
            <Section id="campaign-about" title={t('campaigns.form.aboutTitle')}>
              <TextInput
                label={t('campaigns.fields.title')}
                required
                value={draft.title}
                onChange={(e) => update('title', e.currentTarget.value)}
                error={errors.title}
                maw={640}
              />
              <Textarea
                label={t('campaigns.fields.description')}
                description={t('campaigns.form.descriptionHelp')}
                autosize
                minRows={2}
                value={draft.description}
                onChange={(e) => update('description', e.currentTarget.value)}
                error={errors.description}
                maw={640}
              />
              <TextInput
                label={t('campaigns.fields.ethicsApproval')}
                description={t('campaigns.form.ethicsHelp')}
                required
                value={draft.ethicsApproval}
                onChange={(e) => update('ethicsApproval', e.currentTarget.value)}
                error={errors.ethicsApproval}
                maw={640}
              />
              <TextInput
                label={t('campaigns.fields.dataController')}
                description={t('campaigns.form.dataControllerHelp')}
                required
                value={draft.dataController}
                onChange={(e) => update('dataController', e.currentTarget.value)}
                error={errors.dataController}
                maw={640}
              />
            </Section>

            <Section
              id="campaign-privacy"
              title={t('campaigns.form.privacyTitle')}
              intro={t('campaigns.form.privacyIntro')}
            >
              <Radio.Group
                label={t('campaigns.form.privacyModeLabel')}
                required
                value={draft.privacyMode}
                onChange={(v) => update('privacyMode', PRIVACY_MODES.find((m) => m === v) ?? '')}
                error={errors.privacyMode}
              >
                <Stack gap="md" mt="xs">
                  {PRIVACY_MODES.map((mode: PrivacyMode) => (
                    <Radio
                      key={mode}
                      value={mode}
                      size="md"
                      label={labels.privacyMode(mode)}
                      description={labels.privacyExplained(mode)}
                    />
                  ))}
                </Stack>
              </Radio.Group>
              <NumberInput
                label={t('campaigns.fields.k')}
                description={t('campaigns.form.kHelp', { k: RESEARCH_MIN_K })}
                required
                min={RESEARCH_MIN_K}
                max={1000}
                step={1}
                allowDecimal={false}
                value={draft.k}
                onChange={(v) => update('k', v)}
                error={errors.k}
                maw={640}
              />
              <TextInput
                type="date"
                label={t('campaigns.fields.retentionUntil')}
                description={t('campaigns.form.retentionHelp')}
                required
                value={draft.retentionUntil}
                onChange={(e) => update('retentionUntil', e.currentTarget.value)}
                error={errors.retentionUntil}
                maw={320}
              />
            </Section>

            <Section
              id="campaign-groups"
              title={t('campaigns.form.groupsTitle')}
              intro={t('campaigns.form.groupsIntro')}
            >
              <Checkbox.Group
                label={t('campaigns.fields.languages')}
                description={t('campaigns.form.languagesHelp')}
                required
                value={draft.languages}
                onChange={(v) =>
                  update(
                    'languages',
                    LANGUAGES.filter((l) => v.includes(l)),
                  )
                }
                error={errors.languages}
              >
                <Group gap="lg" mt="xs">
                  {LANGUAGES.map((l) => (
                    <Checkbox key={l} value={l} size="md" label={labels.language(l)} />
                  ))}
                </Group>
              </Checkbox.Group>
              <GroupsField
                draft={draft}
                instruments={instruments.data ?? []}
                errors={errors}
                setGroups={(groups, field) => {
                  update('groups', groups, field);
                  setErrors((e) => withoutKey(e, 'groups'));
                }}
              />
            </Section>

            <Section
              id="campaign-programs"
              title={t('campaigns.form.programsTitle')}
              intro={t('campaigns.form.programsIntro')}
            >
              <Anchor
                component="button"
                type="button"
                underline="always"
                ta="left"
                onClick={() => planningRef.current?.open()}
              >
                {t('campaignPlanning.fromPrograms')}
              </Anchor>
              <ProgramsField
                directory={directory.data ?? []}
                chosen={draft.programIds}
                setChosen={(ids) => update('programIds', ids)}
                error={errors.programIds}
              />
            </Section>

            <Section
              id="campaign-information"
              title={t('campaigns.form.informationTitle')}
              intro={t('campaigns.form.informationIntro')}
            >
              {draft.languages.length === 0 ? (
                <Text>{t('campaigns.form.informationNoLanguage')}</Text>
              ) : (
                <SimpleGrid cols={{ base: 1, md: Math.min(draft.languages.length, 3) }} spacing="md">
                  {draft.languages.map((language: Language) => (
                    <Textarea
                      key={language}
                      lang={language}
                      label={t('campaigns.form.informationFor', { language: labels.language(language) })}
                      required
                      autosize
                      minRows={8}
                      value={draft.information[language] ?? ''}
                      onChange={(e) =>
                        update(
                          'information',
                          { ...draft.information, [language]: e.currentTarget.value },
                          `information.${language}`,
                        )
                      }
                      error={errors[`information.${language}`]}
                    />
                  ))}
                </SimpleGrid>
              )}
            </Section>

            <ErrorAlert message={summary} />
            <Group>
              <Button type="submit" loading={create.isPending}>
                {t('campaigns.form.submit')}
              </Button>
              <Button component={Link} to="/campaigns" variant="outline">
                {t('common.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      <PlanningCard ref={planningRef} />
    </Stack>
  );
}
