import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CareTeam } from '../people/rules.ts';

/** Choose between the teams a user works in; nothing to choose with one team. */
export function TeamPicker({
  teams,
  value,
  onChange,
}: {
  teams: CareTeam[];
  value: string | undefined;
  onChange: (teamId: string) => void;
}) {
  const { t } = useTranslation();
  if (teams.length < 2) return null;
  return (
    <NativeSelect
      label={t('practice.team')}
      value={value ?? ''}
      onChange={(e) => onChange(e.currentTarget.value)}
      data={teams.map((tm) => ({
        value: tm.teamId,
        label: tm.programName ? `${tm.teamName} · ${tm.programName}` : tm.teamName,
      }))}
      maw={420}
    />
  );
}
