import type { Organization } from '@alongside/contracts';
import { Button, Loader, NativeSelect, Stack, Text } from '@mantine/core';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { EmptyState, LoadError } from '../../components/Feedback.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { describeError } from '../../lib/errors.ts';
import { useSignedInMe } from '../session/RequireAuth.tsx';
import { roleView, type RoleView } from '../session/session.ts';
import { useOrganizations } from './queries.ts';

const SELECTED_ORG_KEY = 'alongside.admin.organization';

interface AdminContextValue {
  roles: RoleView;
  /** Organizations this user administers (all of them for a platform administrator). */
  organizations: Organization[];
  organization: Organization | undefined;
  setOrganizationId: (id: string) => void;
  status: 'pending' | 'error' | 'success';
  error: unknown;
  refetch: () => void;
}

const AdminContext = createContext<AdminContextValue | null>(null);

export function useAdmin(): AdminContextValue {
  const ctx = useContext(AdminContext);
  if (!ctx) throw new Error('useAdmin() used outside <AdminLayout>');
  return ctx;
}

function readSelected(): string | null {
  try {
    return window.sessionStorage.getItem(SELECTED_ORG_KEY);
  } catch {
    return null;
  }
}

/** Gate for /admin/*: administrators only; holds the organization the pages work on. */
export function AdminLayout() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const roles = useMemo(() => roleView(me), [me]);
  const orgs = useOrganizations();
  const [selectedId, setSelectedId] = useState<string | null>(readSelected);

  const organizations = useMemo(
    () => (orgs.data ?? []).filter((o) => roles.isPlatformAdmin || roles.adminOrganizationIds.includes(o.id)),
    [orgs.data, roles],
  );
  const organization = organizations.find((o) => o.id === selectedId) ?? organizations[0];

  const setOrganizationId = useCallback((id: string) => {
    setSelectedId(id);
    try {
      window.sessionStorage.setItem(SELECTED_ORG_KEY, id);
    } catch {
      // Not remembered across reloads; nothing else depends on it.
    }
  }, []);

  if (!roles.canAdminister) {
    return (
      <Stack>
        <PageHeader title={t('admin.noAccessTitle')} />
        <Text>{t('admin.noAccessBody')}</Text>
        <div>
          <Button component={Link} to="/">
            {t('notFound.home')}
          </Button>
        </div>
      </Stack>
    );
  }

  const value: AdminContextValue = {
    roles,
    organizations,
    organization,
    setOrganizationId,
    status: orgs.status,
    error: orgs.error,
    refetch: () => void orgs.refetch(),
  };
  return (
    <AdminContext.Provider value={value}>
      <Outlet />
    </AdminContext.Provider>
  );
}

/** Chooses the organization admin pages work on; shown only when there is a choice. */
export function OrganizationPicker() {
  const { t } = useTranslation();
  const { organizations, organization, setOrganizationId } = useAdmin();
  if (organizations.length < 2 || !organization) return null;
  return (
    <NativeSelect
      label={t('admin.organizationPicker')}
      description={t('admin.organizationPickerHelp')}
      value={organization.id}
      onChange={(e) => setOrganizationId(e.currentTarget.value)}
      data={organizations.map((o) => ({ value: o.id, label: o.name }))}
      maw={420}
      mb="lg"
    />
  );
}

/**
 * Frame for an administration page: title, organization picker, and the body once
 * an organization is known (with loading, error and "no organization yet" states).
 */
export function AdminPage({
  title,
  description,
  children,
}: {
  title: string;
  description?: ReactNode;
  children: (organization: Organization) => ReactNode;
}) {
  const { t } = useTranslation();
  const { status, error, refetch, organization, roles } = useAdmin();
  let body: ReactNode;
  if (status === 'pending') body = <Loader role="status" aria-label={t('common.loading')} />;
  else if (status === 'error')
    body = <LoadError message={describeError(error, t)} onRetry={refetch} retryLabel={t('common.tryAgain')} />;
  else if (!organization)
    body = (
      <EmptyState
        headingOrder={2}
        title={t('admin.noOrganizationTitle')}
        action={
          roles.isPlatformAdmin ? (
            <Button component={Link} to="/admin/organizations">
              {t('admin.noOrganizationAction')}
            </Button>
          ) : undefined
        }
      >
        {roles.isPlatformAdmin ? t('admin.noOrganizationPlatform') : t('admin.noOrganizationOrgAdmin')}
      </EmptyState>
    );
  else
    body = (
      <>
        <OrganizationPicker />
        {children(organization)}
      </>
    );
  return (
    <>
      <PageHeader title={title} description={description} />
      {body}
    </>
  );
}
