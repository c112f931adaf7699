import type { Program, Team } from '@alongside/contracts';
import { useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { api, type ApiBody, type ApiQuery, type ApiResponse } from '../../api/client.ts';

export type OutboxMessage = ApiResponse<'/api/outbox'>[number];
export type AuditQuery = ApiQuery<'/api/audit-events'>;

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
  audit: (query: AuditQuery) => ['audit', query] as const,
};

export const useOrganizations = () =>
  useQuery({
    queryKey: keys.organizations,
    queryFn: () => api.get('/api/organizations'),
  });

export const useCountries = (enabled = true) =>
  useQuery({
    queryKey: keys.countries,
    queryFn: () => api.get('/api/countries'),
    enabled,
    staleTime: Infinity,
  });

export const usePrograms = (organizationId: string | undefined) =>
  useQuery({
    queryKey: keys.programs(organizationId ?? ''),
    queryFn: () => api.get('/api/programs', { query: { organizationId } }),
    enabled: Boolean(organizationId),
  });

export const useTeams = (organizationId: string | undefined, programId?: string) =>
  useQuery({
    queryKey: keys.teams(organizationId ?? '', programId),
    queryFn: () => api.get('/api/teams', { query: { organizationId, programId } }),
    enabled: Boolean(organizationId),
  });

export const useTeam = (id: string, enabled = true) =>
  useQuery({
    queryKey: keys.team(id),
    queryFn: () => api.get('/api/teams/{id}', { path: { id } }),
    enabled,
  });

export const useTeamMembers = (id: string) =>
  useQuery({
    queryKey: keys.teamMembers(id),
    queryFn: () => api.get('/api/teams/{id}/members', { path: { id } }),
  });

export const useUsers = (organizationId: string | undefined) =>
  useQuery({
    queryKey: keys.users(organizationId ?? ''),
    queryFn: () => api.get('/api/users', { query: { organizationId } }),
    enabled: Boolean(organizationId),
  });

export const useInvitations = (organizationId: string | undefined) =>
  useQuery({
    queryKey: keys.invitations(organizationId ?? ''),
    queryFn: () => api.get('/api/invitations', { query: { organizationId } }),
    enabled: Boolean(organizationId),
  });

export const useOutbox = (organizationId: string | undefined) =>
  useQuery({
    queryKey: keys.outbox(organizationId ?? ''),
    queryFn: () => api.get('/api/outbox', { query: { organizationId } }),
    enabled: Boolean(organizationId),
  });

export const useAuditEvents = (query: AuditQuery | undefined) =>
  useQuery({
    queryKey: keys.audit(query ?? {}),
    queryFn: () => api.get('/api/audit-events', { query }),
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

export const useCreateOrganization = () =>
  useMutationThatRefreshes(
    (body: ApiBody<'/api/organizations', 'post'>) => api.post('/api/organizations', { body }),
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
export type CreateProgramBody = ApiBody<'/api/programs', 'post'>;
export type UpdateProgramBody = ApiBody<'/api/programs/{id}', 'patch'>;

export const useCreateProgram = () =>
  useMutationThatRefreshes(
    (body: CreateProgramBody) => api.post('/api/programs', { body }),
    (body) => [keys.programs(body.organizationId)],
  );

export const useUpdateProgram = (program: Pick<Program, 'id' | 'organizationId'>) =>
  useMutationThatRefreshes(
    (body: UpdateProgramBody) => api.patch('/api/programs/{id}', { path: { id: program.id }, body }),
    () => [keys.programs(program.organizationId)],
  );

export const useCreateTeam = (organizationId: string) =>
  useMutationThatRefreshes(
    (body: ApiBody<'/api/teams', 'post'>) => api.post('/api/teams', { body }),
    () => [['teams', organizationId]],
  );

export const useAddTeamMember = (team: Pick<Team, 'id' | 'organizationId'>) =>
  useMutationThatRefreshes(
    (body: ApiBody<'/api/teams/{id}/members', 'post'>) =>
      api.post('/api/teams/{id}/members', { path: { id: team.id }, body }),
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
      api.delete('/api/teams/{id}/members/{membershipId}', { path: { id: team.id, membershipId } }),
    () => [
      keys.teamMembers(team.id),
      keys.team(team.id),
      ['teams', team.organizationId],
      keys.users(team.organizationId),
    ],
  );

export type CreatedInvitation = ApiResponse<'/api/invitations', 'post'>;
export const useCreateInvitation = () =>
  useMutationThatRefreshes(
    (body: ApiBody<'/api/invitations', 'post'>) => api.post('/api/invitations', { body }),
    (body) => [keys.invitations(body.organizationId), keys.outbox(body.organizationId)],
  );
