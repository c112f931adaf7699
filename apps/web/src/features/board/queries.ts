import type { Huddle, TeamBoard, TeamMember } from '@alongside/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

const enc = encodeURIComponent;

export const boardKeys = {
  board: (teamId: string) => ['board', teamId] as const,
  huddles: (teamId: string) => ['huddles', teamId] as const,
};

export const useTeamBoard = (teamId: string | undefined) =>
  useQuery({
    queryKey: boardKeys.board(teamId ?? ''),
    queryFn: () => api.get<TeamBoard>(`/api/teams/${enc(teamId ?? '')}/board`),
    enabled: Boolean(teamId),
  });

/** The team's members (shares the cache entry with the administration pages). */
export const useTeamMembersOf = (teamId: string | undefined) =>
  useQuery({
    queryKey: ['team', teamId ?? '', 'members'] as const,
    queryFn: () => api.get<TeamMember[]>(`/api/teams/${enc(teamId ?? '')}/members`),
    enabled: Boolean(teamId),
  });

export const useHuddles = (teamId: string | undefined) =>
  useQuery({
    queryKey: boardKeys.huddles(teamId ?? ''),
    queryFn: () => api.get<Huddle[]>('/api/huddles', { teamId }),
    enabled: Boolean(teamId),
  });

export interface CreateHuddleInput {
  teamId: string;
  heldAt: string;
  attendeeIds: string[];
  itemIds: string[];
  decisions: string;
}

export const useCreateHuddle = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateHuddleInput) => api.post<Huddle>('/api/huddles', body),
    onSuccess: async (_r, body) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: boardKeys.huddles(body.teamId) }),
        queryClient.invalidateQueries({ queryKey: boardKeys.board(body.teamId) }),
      ]);
    },
  });
};
