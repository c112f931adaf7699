import type { CheckIn, CheckInInstrument, MyWellbeing, Nudge, Pulse, Share, SharesView, Workload } from '@alongside/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { currentLanguage } from '../../i18n/index.ts';

const enc = encodeURIComponent;

/** Everything on "My wellbeing" is the PSP's own; one root refreshes it all after a change. */
const ROOT = ['wellbeing'] as const;

export const useMyWellbeing = () => {
  const language = currentLanguage();
  return useQuery({
    queryKey: [...ROOT, 'me', language],
    queryFn: () => api.get<MyWellbeing>('/api/wellbeing/me', { language }),
  });
};

export const useCheckInInstrument = () => {
  const language = currentLanguage();
  return useQuery({
    queryKey: [...ROOT, 'instrument', language],
    queryFn: () => api.get<CheckInInstrument>('/api/wellbeing/check-ins/instrument', { language }),
  });
};

export const useMyCheckIns = (limit: number) =>
  useQuery({
    queryKey: [...ROOT, 'check-ins', limit],
    queryFn: () => api.get<CheckIn[]>('/api/wellbeing/check-ins', { limit }),
  });

export const useMyPulses = (limit: number) =>
  useQuery({
    queryKey: [...ROOT, 'pulses', limit],
    queryFn: () => api.get<Pulse[]>('/api/wellbeing/pulses', { limit }),
  });

export const useShares = () =>
  useQuery({
    queryKey: [...ROOT, 'shares'],
    queryFn: () => api.get<SharesView>('/api/wellbeing/shares'),
  });

export const useMyWorkload = () =>
  useQuery({
    queryKey: ['workload', 'me'],
    queryFn: () => api.get<Workload>('/api/workload/me', { weeks: 4 }),
  });

function useWellbeingMutation<TBody, TResult>(send: (body: TBody) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ROOT }),
  });
}

export const useCreatePulse = () =>
  useWellbeingMutation((body: { energy: number; load: number; note?: string }) =>
    api.post<Pulse>('/api/wellbeing/pulses', body),
  );

export const useCreateCheckIn = () =>
  useWellbeingMutation((body: { instrumentId: string; answers: Record<string, number | null> }) =>
    api.post<CheckIn>('/api/wellbeing/check-ins', body),
  );

export const useDismissNudge = () =>
  useWellbeingMutation((id: string) => api.post<Nudge>(`/api/wellbeing/nudges/${enc(id)}/dismiss`));

export const useCreateShare = () =>
  useWellbeingMutation((supervisorId: string) => api.post<Share>('/api/wellbeing/shares', { supervisorId }));

export const useRevokeShare = () =>
  useWellbeingMutation((id: string) => api.delete<Share>(`/api/wellbeing/shares/${enc(id)}`));
