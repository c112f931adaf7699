import type { StepAway } from '@alongside/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type ApiBody, type ApiQuery } from '../../api/client.ts';

export type ReturnBody = ApiBody<'/api/step-aways/{id}/return', 'post'>;

export const useStepAways = (query: ApiQuery<'/api/step-aways'> = {}) =>
  useQuery({
    queryKey: ['step-aways', query],
    queryFn: () => api.get('/api/step-aways', { query }),
  });

export const useStepAway = (id: string) =>
  useQuery({
    queryKey: ['step-aways', 'one', id],
    queryFn: () => api.get('/api/step-aways/{id}', { path: { id } }),
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
  useStepAwayMutation((body: ApiBody<'/api/step-aways', 'post'>) => api.post('/api/step-aways', { body }));

export const useRecordReturn = () =>
  useStepAwayMutation(({ id, ...body }: ReturnBody & { id: string }) =>
    api.post('/api/step-aways/{id}/return', { path: { id }, body }),
  );
