import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type ApiBody } from '../../api/client.ts';

/** The weeks the workload figures cover. */
export const WORKLOAD_WEEKS = 4;

export const supervisionKeys = {
  workload: (weeks: number) => ['workload', 'supervised', weeks] as const,
  sessions: ['supervision-sessions'] as const,
  // The same cache entry as useStepAways({ active: 'true' }).
  activeStepAways: ['step-aways', { active: 'true' }] as const,
  sharedTrends: ['wellbeing', 'shared-with-me'] as const,
  // The same cache entry as useTeamMembersOf (board) and the administration pages.
  teamMembers: (teamId: string) => ['team', teamId, 'members'] as const,
};

/** The PSPs I supervise, in name order (the server never ranks them). */
export const useSupervisedWorkload = (enabled: boolean) =>
  useQuery({
    queryKey: supervisionKeys.workload(WORKLOAD_WEEKS),
    queryFn: () => api.get('/api/workload/supervised', { query: { weeks: WORKLOAD_WEEKS } }),
    enabled,
  });

export const useSupervisionSessions = (enabled: boolean) =>
  useQuery({
    queryKey: supervisionKeys.sessions,
    queryFn: () => api.get('/api/supervision-sessions'),
    enabled,
  });

export const useActiveStepAways = (enabled: boolean) =>
  useQuery({
    queryKey: supervisionKeys.activeStepAways,
    queryFn: () => api.get('/api/step-aways', { query: { active: 'true' } }),
    enabled,
  });

/** Trends PSPs chose to share with me; nothing else of their wellbeing ever reaches a supervisor. */
export const useSharedTrends = (enabled: boolean) =>
  useQuery({
    queryKey: supervisionKeys.sharedTrends,
    queryFn: () => api.get('/api/wellbeing/shared-with-me'),
    enabled,
  });

/** Member lists of several teams (to know which team a PSP works in); one query per team. */
export const useTeamMembers = (teamIds: readonly string[]) =>
  useQueries({
    queries: teamIds.map((teamId) => ({
      queryKey: supervisionKeys.teamMembers(teamId),
      queryFn: () => api.get('/api/teams/{id}/members', { path: { id: teamId } }),
      staleTime: 5 * 60_000,
    })),
  });

export type SupervisionSessionInput = ApiBody<'/api/supervision-sessions', 'post'>;

export const useRecordSupervisionSession = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SupervisionSessionInput) => api.post('/api/supervision-sessions', { body }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: supervisionKeys.sessions });
    },
  });
};
