import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type ApiBody } from '../../api/client.ts';

export const boardKeys = {
  board: (teamId: string) => ['board', teamId] as const,
  huddles: (teamId: string) => ['huddles', teamId] as const,
};

export const useTeamBoard = (teamId: string | undefined) =>
  useQuery({
    queryKey: boardKeys.board(teamId ?? ''),
    queryFn: () => api.get('/api/teams/{id}/board', { path: { id: teamId ?? '' } }),
    enabled: Boolean(teamId),
  });

/** The team's members (shares the cache entry with the administration pages). */
export const useTeamMembersOf = (teamId: string | undefined) =>
  useQuery({
    queryKey: ['team', teamId ?? '', 'members'] as const,
    queryFn: () => api.get('/api/teams/{id}/members', { path: { id: teamId ?? '' } }),
    enabled: Boolean(teamId),
  });

export const useHuddles = (teamId: string | undefined) =>
  useQuery({
    queryKey: boardKeys.huddles(teamId ?? ''),
    queryFn: () => api.get('/api/huddles', { query: { teamId: teamId ?? '' } }),
    enabled: Boolean(teamId),
  });

export type CreateHuddleInput = ApiBody<'/api/huddles', 'post'>;

export const useCreateHuddle = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateHuddleInput) => api.post('/api/huddles', { body }),
    onSuccess: async (_r, body) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: boardKeys.huddles(body.teamId) }),
        queryClient.invalidateQueries({ queryKey: boardKeys.board(body.teamId) }),
      ]);
    },
  });
};
