import { Anchor, Button, Group, Loader, NativeSelect, Stack } from '@mantine/core';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorAlert, LoadError } from '../../components/Feedback.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { describeError, useFormErrors } from '../../lib/errors.ts';
import { localInputToIsoWithOffset } from '../../lib/format.ts';
import { toLocalInputValue } from '../../lib/time.ts';
import { useTeamChoice } from '../board/useTeamChoice.ts';
import { CONTACT_FIELDS, ContactFields, validateContact, type ContactFormValues } from './ContactFields.tsx';
import { useCreateContact, usePerson, usePersons } from './queries.ts';
import { browserStorage, readContactDefaults, saveContactDefaults } from './rules.ts';

function initialValues(): ContactFormValues {
  const d = readContactDefaults(browserStorage());
  return {
    occurredAt: toLocalInputValue(new Date()),
    durationMinutes: d.durationMinutes,
    mode: d.mode,
    location: d.location,
    activities: [],
    note: '',
    teamSummary: '',
    summaryAgreed: false,
  };
}

/** When no person was chosen yet (the big button on "My people"): pick one, people on my caseload first. */
function PersonChooser({ value, onChange, error }: { value: string; onChange: (id: string) => void; error?: string }) {
  const { t } = useTranslation();
  const { me, team } = useTeamChoice('peer');
  const persons = usePersons({ teamId: team?.teamId }, Boolean(team));
  const mine = (persons.data ?? []).filter((p) => p.psps.some((s) => s.id === me.user.id));
  const others = (persons.data ?? []).filter((p) => !p.psps.some((s) => s.id === me.user.id));
  const byName = (a: { preferredName: string }, b: { preferredName: string }) =>
    a.preferredName.localeCompare(b.preferredName);
  return (
    <NativeSelect
      label={t('contact.person')}
      required
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error ?? (persons.isError ? describeError(persons.error, t) : undefined)}
      data={[
        { value: '', label: persons.isPending ? t('common.loading') : t('contact.choosePerson') },
        ...(mine.length
          ? [
              {
                group: t('people.scopeMine'),
                items: mine.sort(byName).map((p) => ({ value: p.id, label: p.preferredName })),
              },
            ]
          : []),
        ...(others.length
          ? [
              {
                group: t('people.scopeTeam'),
                items: others.sort(byName).map((p) => ({ value: p.id, label: p.preferredName })),
              },
            ]
          : []),
      ]}
    />
  );
}

/** Log one contact in under 30 seconds: sensible defaults, one screen, back to the person after saving. */
export function LogContactPage() {
  const { id: routePersonId } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [personId, setPersonId] = useState(routePersonId ?? '');
  const person = usePerson(routePersonId ?? '');
  const create = useCreateContact();
  const [values, setValues] = useState<ContactFormValues>(initialValues);
  const [local, setLocal] = useState<Partial<Record<string, string>>>({});
  const { errors, fromError, clear, clearField } = useFormErrors(t, [...CONTACT_FIELDS, 'personId']);

  if (routePersonId && person.isPending) return <Loader role="status" aria-label={t('common.loading')} />;
  if (routePersonId && person.isError) {
    return (
      <Stack>
        <PageHeader title={t('contact.title')} />
        <LoadError
          message={describeError(person.error, t)}
          onRetry={() => void person.refetch()}
          retryLabel={t('common.tryAgain')}
        />
      </Stack>
    );
  }
  const name = person.data?.preferredName;
  const backTo = routePersonId ? `/people/${routePersonId}` : '/people';

  const onSubmit = (e: SyntheticEvent<HTMLFormElement>) => {
    e.preventDefault();
    clear();
    const problems: Partial<Record<string, string>> = validateContact(values, t);
    if (!personId) problems.personId = t('validation.choose');
    const occurredAt = localInputToIsoWithOffset(values.occurredAt);
    if (!occurredAt) problems.occurredAt = t('validation.required');
    setLocal(problems);
    if (Object.keys(problems).length > 0 || !occurredAt || values.durationMinutes === '') return;
    const summary = values.teamSummary.trim();
    create.mutate(
      {
        personId,
        occurredAt,
        durationMinutes: values.durationMinutes,
        mode: values.mode,
        location: values.location,
        activities: values.activities,
        note: values.note.trim(),
        teamSummary: summary || undefined,
        summaryAgreed: summary ? values.summaryAgreed : false,
      },
      {
        onSuccess: () => {
          saveContactDefaults(browserStorage(), {
            mode: values.mode,
            location: values.location,
            durationMinutes: values.durationMinutes === '' ? 30 : values.durationMinutes,
          });
          void navigate(`/people/${personId}`, { state: { notice: 'contactSaved' } });
        },
        onError: fromError,
      },
    );
  };

  return (
    <Stack gap="sm" maw={640}>
      <Anchor component={Link} to={backTo} underline="always" size="sm">
        {name ? t('person.backTo', { name }) : t('people.backToList')}
      </Anchor>
      <PageHeader title={name ? t('contact.titleFor', { name }) : t('contact.title')} />
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          {routePersonId ? null : (
            <PersonChooser
              value={personId}
              onChange={(v) => {
                setPersonId(v);
                setLocal((x) => ({ ...x, personId: undefined }));
              }}
              error={local.personId ?? errors.fields.personId}
            />
          )}
          <ContactFields
            values={values}
            onChange={(next, field) => {
              setValues(next);
              clearField(field);
              setLocal((x) => ({ ...x, [field]: undefined }));
            }}
            errors={{ ...errors.fields, ...Object.fromEntries(Object.entries(local).filter(([, v]) => v)) }}
          />
          <ErrorAlert message={create.isError ? errors.summary : undefined} />
          <Group gap="sm">
            <Button type="submit" size="lg" loading={create.isPending}>
              {t('contact.save')}
            </Button>
            <Button component={Link} to={backTo} variant="outline" size="lg">
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
