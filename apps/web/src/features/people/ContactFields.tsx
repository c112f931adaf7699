import {
  CONTACT_ACTIVITIES,
  CONTACT_LOCATIONS,
  CONTACT_MODES,
  type Contact,
  type ContactActivity,
} from '@alongside/contracts';
import {
  Checkbox,
  Chip,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { PrivacyLabel } from '../../components/PrivacyLabel.tsx';
import { usePracticeLabels } from '../../lib/practice-labels.ts';

export interface ContactFormValues {
  occurredAt: string;
  durationMinutes: number | '';
  mode: Contact['mode'];
  location: Contact['location'];
  activities: ContactActivity[];
  note: string;
  teamSummary: string;
  summaryAgreed: boolean;
}

export const CONTACT_FIELDS = [
  'occurredAt',
  'durationMinutes',
  'mode',
  'location',
  'activities',
  'note',
  'teamSummary',
  'summaryAgreed',
] as const;

const QUICK_MINUTES = [15, 30, 45, 60] as const;

/** The fields of a contact, laid out to fit one phone screen; used to log and to edit. */
export function ContactFields({
  values,
  onChange,
  errors,
}: {
  values: ContactFormValues;
  onChange: (next: ContactFormValues, field: (typeof CONTACT_FIELDS)[number]) => void;
  errors: Partial<Record<string, string>>;
}) {
  const { t } = useTranslation();
  const labels = usePracticeLabels();
  const id = useId();
  const set = <K extends keyof ContactFormValues>(field: K, value: ContactFormValues[K]) =>
    onChange({ ...values, [field]: value }, field);

  return (
    <Stack gap="sm">
      <TextInput
        type="datetime-local"
        label={t('contact.when')}
        required
        value={values.occurredAt}
        onChange={(e) => set('occurredAt', e.currentTarget.value)}
        error={errors.occurredAt}
      />
      <Group gap="xs" align="end" wrap="wrap">
        <NumberInput
          label={t('contact.minutes')}
          required
          min={1}
          max={1440}
          allowDecimal={false}
          allowNegative={false}
          value={values.durationMinutes}
          onChange={(v) => set('durationMinutes', typeof v === 'number' ? v : v === '' ? '' : Number(v))}
          error={errors.durationMinutes}
          w={96}
        />
        <fieldset className="plain-fieldset">
          <legend className="visually-hidden">{t('contact.quickDuration')}</legend>
          <Chip.Group
            multiple={false}
            value={QUICK_MINUTES.includes(values.durationMinutes as 15) ? String(values.durationMinutes) : ''}
            onChange={(v) => set('durationMinutes', Number(v))}
          >
            <Group gap={6}>
              {QUICK_MINUTES.map((m) => (
                <Chip key={m} value={String(m)} size="sm" className="chip-target">
                  {t('contact.minutesShort', { count: m })}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        </fieldset>
      </Group>
      <SimpleGrid cols={2} spacing="sm">
        <NativeSelect
          label={t('contact.mode')}
          value={values.mode}
          onChange={(e) => set('mode', e.currentTarget.value as Contact['mode'])}
          data={CONTACT_MODES.map((m) => ({ value: m, label: labels.mode(m) }))}
          error={errors.mode}
        />
        <NativeSelect
          label={t('contact.location')}
          value={values.location}
          onChange={(e) => set('location', e.currentTarget.value as Contact['location'])}
          data={CONTACT_LOCATIONS.map((l) => ({ value: l, label: labels.location(l) }))}
          error={errors.location}
        />
      </SimpleGrid>
      <fieldset className="plain-fieldset" aria-describedby={errors.activities ? `${id}-act-error` : undefined}>
        <legend>
          <Text fw={500} size="md" component="span">
            {t('contact.activities')}
          </Text>
        </legend>
        <Chip.Group multiple value={values.activities} onChange={(v) => set('activities', v)}>
          <Group gap={6} mt={4}>
            {CONTACT_ACTIVITIES.map((a) => (
              <Chip key={a} value={a} size="sm" className="chip-target">
                {labels.activity(a)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        {errors.activities ? (
          <Text id={`${id}-act-error`} c="red.9" size="sm" mt={4}>
            {errors.activities}
          </Text>
        ) : null}
      </fieldset>
      <Textarea
        label={t('contact.note')}
        description={
          <Group gap={6} component="span" wrap="wrap">
            <PrivacyLabel kind="peer" />
            <span>{t('contact.noteHelp')}</span>
          </Group>
        }
        autosize
        minRows={2}
        maxRows={6}
        maxLength={4000}
        value={values.note}
        onChange={(e) => set('note', e.currentTarget.value)}
        error={errors.note}
      />
      <Textarea
        label={t('contact.summary')}
        description={t('contact.summaryHelp')}
        autosize
        minRows={1}
        maxRows={5}
        maxLength={4000}
        value={values.teamSummary}
        onChange={(e) => set('teamSummary', e.currentTarget.value)}
        error={errors.teamSummary}
      />
      <Checkbox
        label={t('contact.summaryAgreed')}
        description={t('contact.summaryAgreedHelp')}
        checked={values.summaryAgreed}
        onChange={(e) => set('summaryAgreed', e.currentTarget.checked)}
        error={errors.summaryAgreed}
        size="md"
      />
    </Stack>
  );
}

/** Problems the browser can see before sending. */
export function validateContact(
  values: ContactFormValues,
  t: (key: 'validation.required' | 'contact.chooseActivity' | 'contact.minutesRange') => string,
) {
  const problems: Partial<Record<(typeof CONTACT_FIELDS)[number], string>> = {};
  if (!values.occurredAt) problems.occurredAt = t('validation.required');
  if (values.durationMinutes === '' || values.durationMinutes < 1 || values.durationMinutes > 1440)
    problems.durationMinutes = t('contact.minutesRange');
  if (values.activities.length === 0) problems.activities = t('contact.chooseActivity');
  return problems;
}
