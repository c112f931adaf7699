import type { Cell, Indicators } from '@alongside/contracts';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format.ts';
import { change } from './periods.ts';

export type Unit = Indicators['indicators'][number]['unit'];

/** A number in its unit (count, hours, ratio, percent as 0–100, days), in the interface language. */
export function useValueText() {
  const { t } = useTranslation();
  const format = useFormat();
  return (v: number, unit: Unit): string => {
    switch (unit) {
      case 'count':
        return format.number(v, { maximumFractionDigits: 0 });
      case 'hours':
        return t('program.unit.hours', { value: format.number(v, { maximumFractionDigits: 1 }) });
      case 'ratio':
        return format.number(v, { maximumFractionDigits: 1 });
      case 'percent':
        return format.number(v / 100, { style: 'percent', maximumFractionDigits: 1 });
      case 'days':
        return t('program.unit.days', { value: format.number(v, { maximumFractionDigits: 1 }) });
    }
  };
}

/** A cell as text: the number in its unit, "hidden" for suppressed cells, "no data" for empty ones. */
export function useCellText(k: number) {
  const { t } = useTranslation();
  const value = useValueText();
  return (cell: Cell, unit: Unit): string => {
    if (cell.suppressed) return t('program.suppressed', { k });
    if (cell.value === null) return t('program.noData');
    return value(cell.value, unit);
  };
}

/** "Up 3" / "Down 2 points" / "Same as before" against the previous period; nothing when either side is hidden. */
export function ChangeText({ current, previous, unit }: { current: Cell; previous: Cell; unit: Unit }) {
  const { t } = useTranslation();
  const format = useFormat();
  const d = change(current.suppressed ? null : current.value, previous.suppressed ? null : previous.value);
  if (d === undefined) return null;
  const amount =
    unit === 'percent'
      ? t('program.points', { value: format.number(Math.abs(d), { maximumFractionDigits: 1 }) })
      : format.number(Math.abs(d), { maximumFractionDigits: unit === 'count' ? 0 : 1 });
  if (d === 0) return <Text size="sm">{t('program.same')}</Text>;
  return (
    <Text size="sm">
      <span aria-hidden>{d > 0 ? '▲ ' : '▼ '}</span>
      {d > 0 ? t('program.up', { amount }) : t('program.down', { amount })}
    </Text>
  );
}
