import { LICENCE_STATUSES, licenceAllowsUse, type Licence, type LicenceStatus } from '@alongside/contracts/instruments';
import { Alert, Checkbox, Group, NativeSelect, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { problemsUnder, tidyLicence, type Problem } from './editor-model.ts';

const EMPTY_PERMISSION = { grantedBy: '', grantedOn: '', file: '' };

/** The licence: status, attribution, copyright, whether the wording may change, and a recorded permission. */
export function LicencePanel({ licence, problems, onChange }: { licence: Licence; problems: readonly Problem[]; onChange: (licence: Licence) => void }) {
  const { t } = useTranslation();
  const found = problemsUnder(problems, 'licence');
  const permissionProblems = problemsUnder(problems, 'licence.permission');
  const permission = licence.permission ?? EMPTY_PERMISSION;
  const usable = licenceAllowsUse(tidyLicence(licence));
  const setPermission = (change: Partial<typeof EMPTY_PERMISSION>) => onChange({ ...licence, permission: { ...permission, ...change } });
  const permissionMissing = found.get('permission')?.includes('permission_missing');
  const say = (field: string) => permissionProblems.get(field)?.join(' ');

  return (
    <Stack gap="md">
      <Alert color={usable ? 'alongside' : 'yellow'} variant="light" role="note">
        <Text fw={700}>{usable ? t('instrumentEditor.licence.usable') : t('instrumentEditor.licence.notUsable')}</Text>
        <Text size="sm">{t(`instrumentEditor.licence.statusHelp.${licence.status}`)}</Text>
      </Alert>
      <NativeSelect
        label={t('instrumentEditor.licence.status')}
        value={licence.status}
        onChange={(e) => onChange({ ...licence, status: e.currentTarget.value as LicenceStatus })}
        data={LICENCE_STATUSES.map((s) => ({ value: s, label: t(`instrumentEditor.licence.statuses.${s}`) }))}
        error={found.get('status')?.join(' ')}
        maw={360}
      />
      <Textarea
        label={t('instrumentEditor.licence.attribution')}
        description={t('instrumentEditor.licence.attributionHelp')}
        value={licence.attribution}
        onChange={(e) => onChange({ ...licence, attribution: e.currentTarget.value })}
        error={found.get('attribution')?.join(' ')}
        autosize
        minRows={2}
      />
      <Textarea
        label={t('instrumentEditor.licence.copyright')}
        value={licence.copyright ?? ''}
        onChange={(e) => onChange({ ...licence, copyright: e.currentTarget.value })}
        error={found.get('copyright')?.join(' ')}
        autosize
        minRows={2}
      />
      <Checkbox
        label={t('instrumentEditor.licence.wordingEditable')}
        description={t('instrumentEditor.licence.wordingEditableHelp')}
        checked={licence.wordingEditable}
        onChange={(e) => {
          const wordingEditable = e.currentTarget.checked;
          onChange({ ...licence, wordingEditable });
        }}
      />
      <Stack gap="sm" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
        <Title order={3} fz="lg" component="legend">
          {t('instrumentEditor.licence.permissionTitle')}
        </Title>
        <Text size="sm" c={permissionMissing ? 'red.9' : 'dimmed'} role={permissionMissing ? 'alert' : undefined}>
          {permissionMissing ? t('instrumentEditor.licence.permissionMissing') : t('instrumentEditor.licence.permissionIntro')}
        </Text>
        <Group align="start" grow wrap="wrap">
          <TextInput label={t('instrumentEditor.licence.grantedBy')} value={permission.grantedBy} onChange={(e) => setPermission({ grantedBy: e.currentTarget.value })} error={say('grantedBy')} miw={220} />
          <TextInput label={t('instrumentEditor.licence.grantedOn')} type="date" value={permission.grantedOn} onChange={(e) => setPermission({ grantedOn: e.currentTarget.value })} error={say('grantedOn')} miw={180} />
          <TextInput
            label={t('instrumentEditor.licence.file')}
            description={t('instrumentEditor.licence.fileHelp')}
            value={permission.file}
            onChange={(e) => setPermission({ file: e.currentTarget.value })}
            error={say('file')}
            miw={220}
          />
        </Group>
      </Stack>
    </Stack>
  );
}
