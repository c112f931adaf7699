import type { Language } from '@alongside/contracts';
import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type ApiBody, type ApiResponse } from '../../api/client.ts';

export type CampaignSummary = ApiResponse<'/api/campaigns'>[number];
export type CampaignDetail = ApiResponse<'/api/campaigns/{id}'>;
export type CampaignProgram = CampaignDetail['programs'][number];
export type SurveyInvitation = ApiResponse<'/api/campaigns/{id}/invitations'>[number];
export type OpenLink = ApiResponse<'/api/campaigns/{id}/open-links'>[number];
export type { Instrument as LibraryInstrument } from '../instrument-library/queries.ts';

export const campaignKeys = {
  all: ['campaigns'] as const,
  list: ['campaigns', 'list'] as const,
  directory: ['campaigns', 'directory'] as const,
  detail: (id: string) => ['campaigns', 'detail', id] as const,
  invitations: (id: string) => ['campaigns', 'detail', id, 'invitations'] as const,
  openLinks: (id: string) => ['campaigns', 'detail', id, 'open-links'] as const,
  progress: (id: string) => ['campaigns', 'detail', id, 'progress'] as const,
  results: (id: string, waveId: string, language: string) =>
    ['campaigns', 'detail', id, 'results', waveId, language] as const,
};

export const useCampaigns = () => useQuery({ queryKey: campaignKeys.list, queryFn: () => api.get('/api/campaigns') });

export const useCampaign = (id: string) =>
  useQuery({ queryKey: campaignKeys.detail(id), queryFn: () => api.get('/api/campaigns/{id}', { path: { id } }) });

/** Several campaigns at once (an organization administrator's invitations). */
export const useCampaignDetails = (ids: string[]) =>
  useQueries({
    queries: ids.map((id) => ({
      queryKey: campaignKeys.detail(id),
      queryFn: () => api.get('/api/campaigns/{id}', { path: { id } }),
    })),
  });

export const useProgramDirectory = () =>
  useQuery({
    queryKey: campaignKeys.directory,
    queryFn: () => api.get('/api/campaigns/programs'),
    staleTime: 5 * 60_000,
  });

/** The shared instrument library (the library page's own query). */
export { useInstrumentList as useInstruments } from '../instrument-library/queries.ts';

export function useCreateCampaign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiBody<'/api/campaigns', 'post'>) => api.post('/api/campaigns', { body }),
    onSuccess: async (campaign) => {
      queryClient.setQueryData(campaignKeys.detail(campaign.id), campaign);
      await queryClient.invalidateQueries({ queryKey: campaignKeys.list });
    },
  });
}

export function useUpdateCampaign(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiBody<'/api/campaigns/{id}', 'patch'>) =>
      api.patch('/api/campaigns/{id}', { path: { id }, body }),
    onSuccess: async (campaign) => {
      queryClient.setQueryData(campaignKeys.detail(id), campaign);
      await queryClient.invalidateQueries({ queryKey: campaignKeys.list });
    },
  });
}

/** An organization administrator's answer for one program. */
export function useDecideParticipation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { campaignId: string; programId: string; status: 'joined' | 'declined' }) =>
      api.put('/api/campaigns/{id}/programs/{programId}', {
        path: { id: input.campaignId, programId: input.programId },
        body: { status: input.status },
      }),
    onSuccess: async (_program, input) => {
      await queryClient.invalidateQueries({ queryKey: campaignKeys.detail(input.campaignId) });
    },
  });
}

export function useAddWave(campaignId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiBody<'/api/campaigns/{id}/waves', 'post'>) =>
      api.post('/api/campaigns/{id}/waves', { path: { id: campaignId }, body }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: campaignKeys.detail(campaignId) });
      await queryClient.invalidateQueries({ queryKey: campaignKeys.list });
    },
  });
}

export const useInvitations = (campaignId: string, enabled = true) =>
  useQuery({
    queryKey: campaignKeys.invitations(campaignId),
    queryFn: () => api.get('/api/campaigns/{id}/invitations', { path: { id: campaignId } }),
    enabled,
  });

export function useCreateInvitation(campaignId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiBody<'/api/campaigns/{id}/invitations', 'post'>) =>
      api.post('/api/campaigns/{id}/invitations', { path: { id: campaignId }, body }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: campaignKeys.invitations(campaignId) });
      await queryClient.invalidateQueries({ queryKey: campaignKeys.progress(campaignId) });
    },
  });
}

export const useOpenLinks = (campaignId: string, enabled = true) =>
  useQuery({
    queryKey: campaignKeys.openLinks(campaignId),
    queryFn: () => api.get('/api/campaigns/{id}/open-links', { path: { id: campaignId } }),
    enabled,
  });

export function useCreateOpenLink(campaignId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiBody<'/api/campaigns/{id}/open-links', 'post'>) =>
      api.post('/api/campaigns/{id}/open-links', { path: { id: campaignId }, body }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: campaignKeys.openLinks(campaignId) });
    },
  });
}

/** Live progress: fetched again every minute while the page is open. */
export const useProgress = (campaignId: string) =>
  useQuery({
    queryKey: campaignKeys.progress(campaignId),
    queryFn: () => api.get('/api/campaigns/{id}/progress', { path: { id: campaignId } }),
    refetchInterval: 60_000,
  });

/** Results of one wave (or all when `waveId` is empty), with scale names in `language`. */
export const useResults = (campaignId: string, waveId: string, language: Language) =>
  useQuery({
    queryKey: campaignKeys.results(campaignId, waveId, language),
    queryFn: () =>
      api.get('/api/campaigns/{id}/results', {
        path: { id: campaignId },
        query: { waveId: waveId || undefined, language },
      }),
    placeholderData: keepPreviousData,
  });

export function useImportResponses(campaignId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { waveId: string; filename: string; content: string }) =>
      api.post('/api/campaigns/{id}/waves/{waveId}/responses/import', {
        path: { id: campaignId, waveId: input.waveId },
        body: { filename: input.filename, content: input.content },
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: campaignKeys.detail(campaignId) });
      await queryClient.invalidateQueries({ queryKey: campaignKeys.list });
    },
  });
}
