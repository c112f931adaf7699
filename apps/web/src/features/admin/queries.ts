import type {
  AuditEvent,
  CountryCode,
  Invitation,
  Organization,
  Program,
  Role,
  Team,
  TeamMember,
  User,
} from '@alongside/contracts';
import { useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { api, type QueryValue } from '../../api/client.ts';

/** Lists come back as arrays; tolerate an `{ items: [...] }` envelope too. */
function asList<T>(data: unknown): T[] {
  if (Array.isArray(data)) return data as T[];
  if (data && typeof data === 'object' && 'items' in data && Array.isArray(data.items)) return data.items as T[];
  return [];
}

const getList = async <T>(path: string, query?: Record<string, QueryValue>) =>
  asList<T>(await api.get<unknown>(path, query));

export interface Country {
  code: CountryCode;
  name: string;
}

export interface OutboxMessage {
  id: string;
  to: string;
  subject: string;
  body: string;
  createdAt: string;
  sentAt: string | null;
  error: string | null;
}

export const keys = {
  organizations: ['organizations'] as const,
  countries: ['countries'] as const,
  programs: (organizationId: string) => ['programs', organizationId] as const,
  teams: (organizationId: string, programId?: string) => ['teams', organizationId, programId ?? 'all'] as const,
  team: (id: string) => ['team', id] as const,
  teamMembers: (id: string) => ['team', id, 'members'] as const,
  users: (organizationId: string) => ['users', organizationId] as const,
  invitations: (organizationId: string) => ['invitations', organizationId] as const,
  outbox: (organizationId: string) => ['outbox', organizationId] as const,
  audit: (query: Record<string, QueryValue>) => ['audit', query] as const,
};

export const useOrganizations = () =>
  useQuery({
    queryKey: keys.organizations,
    queryFn: () => getList<Organization>('/api/organizations'),
  });

export const useCountries = (enabled = true) =>
  useQuery({
    queryKey: keys.countries,
    queryFn: () => getList<Country>('/api/countries'),
    enabled,
    staleTime: Infinity,
  });

export const usePrograms = (organizationId: string | undefined) =>
  useQuery({
    queryKey: keys.programs(organizationId ?? ''),
    queryFn: () => getList<Program>('/api/programs', { organizationId }),
    enabled: Boolean(organizationId),
  });

export const useTeams = (organizationId: string | undefined, programId?: string) =>
  useQuery({
    queryKey: keys.teams(organizationId ?? '', programId),
    queryFn: () => getList<Team>('/api/teams', { organizationId, programId }),
    enabled: Boolean(organizationId),
  });

export const useTeam = (id: string, enabled = true) =>
  useQuery({
    queryKey: keys.team(id),
    queryFn: () => api.get<Team>(`/api/teams/${encodeURIComponent(id)}`),
    enabled,
  });

export const useTeamMembers = (id: string) =>
  useQuery({
    queryKey: keys.teamMembers(id),
    queryFn: () => getList<TeamMember>(`/api/teams/${encodeURIComponent(id)}/members`),
  });

export const useUsers = (organizationId: string | undefined) =>
  useQuery({
    queryKey: keys.users(organizationId ?? ''),
    queryFn: () => getList<User>('/api/users', { organizationId }),
    enabled: Boolean(organizationId),
  });

export const useInvitations = (organizationId: string | undefined) =>
  useQuery({
    queryKey: keys.invitations(organizationId ?? ''),
    queryFn: () => getList<Invitation>('/api/invitations', { organizationId }),
    enabled: Boolean(organizationId),
  });

export const useOutbox = (organizationId: string | undefined) =>
  useQuery({
    queryKey: keys.outbox(organizationId ?? ''),
    queryFn: () => getList<OutboxMessage>('/api/outbox', { organizationId }),
    enabled: Boolean(organizationId),
  });

export const useAuditEvents = (query: Record<string, QueryValue> | undefined) =>
  useQuery({
    queryKey: keys.audit(query ?? {}),
    queryFn: () => getList<AuditEvent>('/api/audit-events', query),
    enabled: Boolean(query?.organizationId),
  });

/** A mutation that refreshes the given lists when it succeeds. */
function useMutationThatRefreshes<TBody, TResult>(
  send: (body: TBody) => Promise<TResult>,
  refresh: (body: TBody, result: TResult) => QueryKey[],
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async (result, body) => {
      await Promise.all(refresh(body, result).map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    },
  });
}

export interface CreateOrganizationBody {
  countryCode: CountryCode;
  name: string;
  privacyThresholdK: number;
}
export const useCreateOrganization = () =>
  useMutationThatRefreshes(
    (body: CreateOrganizationBody) => api.post<Organization>('/api/organizations', body),
    () => [keys.organizations],
  );

export type ProgramProfileInput = Partial<
  Pick<
    Program,
    | 'pspFte'
    | 'employerType'
    | 'supervisionModel'
    | 'championPresent'
    | 'rolloutPhase'
    | 'strategicPlanPriority'
    | 'jobDescriptionAgreed'
    | 'clinicianOrientationDone'
    | 'peerNetworkAccess'
    | 'improvementCycle'
  >
>;
export type CreateProgramBody = ProgramProfileInput & Pick<Program, 'organizationId' | 'name' | 'setting'>;
export type UpdateProgramBody = ProgramProfileInput & Partial<Pick<Program, 'name' | 'setting'>> & { version: number };

export const useCreateProgram = () =>
  useMutationThatRefreshes(
    (body: CreateProgramBody) => api.post<Program>('/api/programs', body),
    (body) => [keys.programs(body.organizationId)],
  );

export const useUpdateProgram = (program: Pick<Program, 'id' | 'organizationId'>) =>
  useMutationThatRefreshes(
    (body: UpdateProgramBody) => api.patch<Program>(`/api/programs/${encodeURIComponent(program.id)}`, body),
    () => [keys.programs(program.organizationId)],
  );

export const useCreateTeam = (organizationId: string) =>
  useMutationThatRefreshes(
    (body: { programId: string; name: string }) => api.post<Team>('/api/teams', body),
    () => [['teams', organizationId]],
  );

export const useAddTeamMember = (team: Pick<Team, 'id' | 'organizationId'>) =>
  useMutationThatRefreshes(
    (body: { userId: string; role: Exclude<Role, 'org_admin'> }) =>
      api.post<TeamMember>(`/api/teams/${encodeURIComponent(team.id)}/members`, body),
    () => [
      keys.teamMembers(team.id),
      keys.team(team.id),
      ['teams', team.organizationId],
      keys.users(team.organizationId),
    ],
  );

export const useRemoveTeamMember = (team: Pick<Team, 'id' | 'organizationId'>) =>
  useMutationThatRefreshes(
    (membershipId: string) =>
      api.delete<unknown>(`/api/teams/${encodeURIComponent(team.id)}/members/${encodeURIComponent(membershipId)}`),
    () => [
      keys.teamMembers(team.id),
      keys.team(team.id),
      ['teams', team.organizationId],
      keys.users(team.organizationId),
    ],
  );

export interface CreateInvitationBody {
  email: string;
  organizationId: string;
  teamId?: string;
  role: Role;
}
export interface CreatedInvitation {
  invitation: Invitation;
  acceptUrl: string;
  delivery: 'smtp' | 'outbox';
}
export const useCreateInvitation = () =>
  useMutationThatRefreshes(
    (body: CreateInvitationBody) => api.post<CreatedInvitation>('/api/invitations', body),
    (body) => [keys.invitations(body.organizationId), keys.outbox(body.organizationId)],
  );
