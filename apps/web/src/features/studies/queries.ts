import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type ApiBody, type ApiResponse } from '../../api/client.ts';

export type StudySummary = ApiResponse<'/api/studies'>[number];
export type StudyDetail = ApiResponse<'/api/studies/{id}'>;
export type StudyMember = StudyDetail['members'][number];
export type StudyRole = StudySummary['myRole'];
export type Informant = ApiResponse<'/api/studies/{id}/informants'>[number];
export type CreateInformantBody = ApiBody<'/api/studies/{id}/informants', 'post'>;
export type UpdateInformantBody = ApiBody<'/api/studies/{id}/informants/{informantId}', 'patch'>;

export const studyKeys = {
  all: ['studies'] as const,
  list: ['studies', 'list'] as const,
  detail: (id: string) => ['studies', 'detail', id] as const,
  informants: (id: string) => ['studies', 'detail', id, 'informants'] as const,
};

export const useStudies = () => useQuery({ queryKey: studyKeys.list, queryFn: () => api.get('/api/studies') });

export const useStudy = (id: string) =>
  useQuery({ queryKey: studyKeys.detail(id), queryFn: () => api.get('/api/studies/{id}', { path: { id } }) });

/** The study's informants. Every fetch is an audited read on the server: no polling, no refetch on focus. */
export const useInformants = (studyId: string) =>
  useQuery({
    queryKey: studyKeys.informants(studyId),
    queryFn: () => api.get('/api/studies/{id}/informants', { path: { id: studyId } }),
    refetchOnWindowFocus: false,
    staleTime: Infinity,
  });

export function useCreateStudy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiBody<'/api/studies', 'post'>) => api.post('/api/studies', { body }),
    onSuccess: async (study) => {
      queryClient.setQueryData(studyKeys.detail(study.id), study);
      await queryClient.invalidateQueries({ queryKey: studyKeys.list, exact: true });
    },
  });
}

/** Members change the study: the answer is the whole study, kept as its detail. */
export function useAddMember(studyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiBody<'/api/studies/{id}/members', 'post'>) =>
      api.post('/api/studies/{id}/members', { path: { id: studyId }, body }),
    onSuccess: (study) => queryClient.setQueryData(studyKeys.detail(studyId), study),
  });
}

export function useRemoveMember(studyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => api.delete('/api/studies/{id}/members/{userId}', { path: { id: studyId, userId } }),
    onSuccess: (study) => queryClient.setQueryData(studyKeys.detail(studyId), study),
  });
}

/** The saved informant replaces (or joins) the list in the cache, so no audited read is spent on it. */
function useKeepInformant(studyId: string) {
  const queryClient = useQueryClient();
  return (saved: Informant) =>
    queryClient.setQueryData<Informant[]>(studyKeys.informants(studyId), (list = []) =>
      list.some((i) => i.id === saved.id) ? list.map((i) => (i.id === saved.id ? saved : i)) : [...list, saved],
    );
}

export function useCreateInformant(studyId: string) {
  const keep = useKeepInformant(studyId);
  return useMutation({
    mutationFn: (body: CreateInformantBody) =>
      api.post('/api/studies/{id}/informants', { path: { id: studyId }, body }),
    onSuccess: keep,
  });
}

export function useUpdateInformant(studyId: string, informantId: string) {
  const keep = useKeepInformant(studyId);
  return useMutation({
    mutationFn: (body: UpdateInformantBody) =>
      api.patch('/api/studies/{id}/informants/{informantId}', { path: { id: studyId, informantId }, body }),
    onSuccess: keep,
  });
}
