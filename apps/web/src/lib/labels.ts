import { PROGRAM_SETTINGS, ROLES, type ProgramSetting, type Role } from '@alongside/contracts/vocabulary';
import { useTranslation } from 'react-i18next';

const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);
const isSetting = (value: string): value is ProgramSetting => (PROGRAM_SETTINGS as readonly string[]).includes(value);

/** Translated names for the product's vocabulary (roles, settings, yes/no/unknown). */
export function useLabels() {
  const { t } = useTranslation();
  const role = (value: string): string => {
    if (isRole(value)) return t(`roles.${value}`);
    if (value === 'platform_admin') return t('roles.platform_admin');
    return value;
  };
  return {
    role,
    /** Audit entries may name several roles joined by "+". */
    roles: (value: string | null | undefined): string =>
      value ? value.split('+').map(role).join(' + ') : t('common.notRecorded'),
    setting: (value: string): string => (isSetting(value) ? t(`settings.${value}`) : value),
    triState: (value: boolean | null | undefined): string =>
      value === true ? t('common.yes') : value === false ? t('common.no') : t('common.unknown'),
  };
}
