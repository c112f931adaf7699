import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type ApiBody } from '../../api/client.ts';
import { currentLanguage } from '../../i18n/index.ts';

/** Everything on "My wellbeing" is the PSP's own; one root refreshes it all after a change. */
const ROOT = ['wellbeing'] as const;

export const useMyWellbeing = () => {
  const language = currentLanguage();
  return useQuery({
    queryKey: [...ROOT, 'me', language],
    queryFn: () => api.get('/api/wellbeing/me', { query: { language } }),
  });
};

export const useCheckInInstrument = () => {
  const language = currentLanguage();
  return useQuery({
    queryKey: [...ROOT, 'instrument', language],
    queryFn: () => api.get('/api/wellbeing/check-ins/instrument', { query: { language } }),
  });
};

export const useMyCheckIns = (limit: number) =>
  useQuery({
    queryKey: [...ROOT, 'check-ins', limit],
    queryFn: () => api.get('/api/wellbeing/check-ins', { query: { limit } }),
  });

export const useMyPulses = (limit: number) =>
  useQuery({
    queryKey: [...ROOT, 'pulses', limit],
    queryFn: () => api.get('/api/wellbeing/pulses', { query: { limit } }),
  });

export const useShares = () =>
  useQuery({
    queryKey: [...ROOT, 'shares'],
    queryFn: () => api.get('/api/wellbeing/shares'),
  });

export const useMyWorkload = () =>
  useQuery({
    queryKey: ['workload', 'me'],
    queryFn: () => api.get('/api/workload/me', { query: { weeks: 4 } }),
  });

function useWellbeingMutation<TBody, TResult>(send: (body: TBody) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ROOT }),
  });
}

export const useCreatePulse = () =>
  useWellbeingMutation((body: ApiBody<'/api/wellbeing/pulses', 'post'>) => api.post('/api/wellbeing/pulses', { body }));

export const useCreateCheckIn = () =>
  useWellbeingMutation((body: ApiBody<'/api/wellbeing/check-ins', 'post'>) =>
    api.post('/api/wellbeing/check-ins', { body }),
  );

export const useDismissNudge = () =>
  useWellbeingMutation((id: string) => api.post('/api/wellbeing/nudges/{id}/dismiss', { path: { id } }));

export const useCreateShare = () =>
  useWellbeingMutation((supervisorId: string) => api.post('/api/wellbeing/shares', { body: { supervisorId } }));

export const useRevokeShare = () =>
  useWellbeingMutation((id: string) => api.delete('/api/wellbeing/shares/{id}', { path: { id } }));
