import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type ApiBody, type ApiResponse } from '../../api/client.ts';

export type CampaignScale = ApiResponse<'/api/campaigns/{id}/scales'>[number];
export type AnalysisSummary = ApiResponse<'/api/analyses'>[number];
export type SavedAnalysis = ApiResponse<'/api/analyses/{id}'>;
export type AnalysisRequest = ApiBody<'/api/analyses', 'post'>;

export const analysisKeys = {
  all: ['analyses'] as const,
  list: ['analyses', 'list'] as const,
  detail: (id: string) => ['analyses', 'detail', id] as const,
  scales: (campaignId: string) => ['campaigns', 'detail', campaignId, 'scales'] as const,
};

/** The scales a campaign's analysis can use as its outcome or factors. */
export const useCampaignScales = (campaignId: string) =>
  useQuery({
    queryKey: analysisKeys.scales(campaignId),
    queryFn: () => api.get('/api/campaigns/{id}/scales', { path: { id: campaignId } }),
    staleTime: 5 * 60_000,
  });

/** The signed-in researcher's analyses, newest first. */
export const useAnalyses = () => useQuery({ queryKey: analysisKeys.list, queryFn: () => api.get('/api/analyses') });

/** One saved analysis with its result (never changes once saved). */
export const useAnalysis = (id: string | undefined) =>
  useQuery({
    queryKey: analysisKeys.detail(id ?? ''),
    queryFn: () => api.get('/api/analyses/{id}', { path: { id: id ?? '' } }),
    enabled: Boolean(id),
    staleTime: Infinity,
  });

export function useRunAnalysis() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AnalysisRequest) => api.post('/api/analyses', { body }),
    onSuccess: async (analysis) => {
      queryClient.setQueryData(analysisKeys.detail(analysis.id), analysis);
      await queryClient.invalidateQueries({ queryKey: analysisKeys.list });
    },
  });
}
