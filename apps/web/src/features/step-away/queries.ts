import type { CreateStepAwayBody, StepAway } from '@alongside/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

const enc = encodeURIComponent;

export interface ReturnBody {
  returnPlan: { from: string; caseloadPercent: number }[];
  handBack: { personId: string; note: string }[];
  version: number;
}

export const useStepAways = (query: { teamId?: string; active?: boolean } = {}) =>
  useQuery({
    queryKey: ['step-aways', query],
    queryFn: () => api.get<StepAway[]>('/api/step-aways', query),
  });

export const useStepAway = (id: string) =>
  useQuery({
    queryKey: ['step-aways', 'one', id],
    queryFn: () => api.get<StepAway>(`/api/step-aways/${enc(id)}`),
    enabled: Boolean(id),
  });

/** A step-away changes caseloads, the board and workloads: refresh them all. */
const AFFECTED = [['step-aways'], ['persons'], ['person'], ['board'], ['workload'], ['voice-items'], ['connections']];

function useStepAwayMutation<TBody>(send: (body: TBody) => Promise<StepAway>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => Promise.all(AFFECTED.map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}

export const useStartStepAway = () =>
  useStepAwayMutation((body: CreateStepAwayBody) => api.post<StepAway>('/api/step-aways', body));

export const useRecordReturn = () =>
  useStepAwayMutation(({ id, ...body }: ReturnBody & { id: string }) =>
    api.post<StepAway>(`/api/step-aways/${enc(id)}/return`, body),
  );
