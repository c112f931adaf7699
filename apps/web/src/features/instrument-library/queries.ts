import type { InstrumentFormat, Language } from '@alongside/contracts';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiHref, type ApiBody, type ApiResponse } from '../../api/client.ts';

export type Instrument = ApiResponse<'/api/instruments'>[number];
export type InstrumentVersionSummary = ApiResponse<'/api/instruments/{id}/versions'>[number];
export type ImportResult = ApiResponse<'/api/instruments/import', 'post'>;

export const instrumentKeys = {
  list: ['instruments'] as const,
  one: (id: string) => ['instruments', id] as const,
  versions: (id: string) => ['instruments', id, 'versions'] as const,
  version: (id: string, number: number) => ['instruments', id, 'versions', number] as const,
};

export const useInstrumentList = () =>
  useQuery({ queryKey: instrumentKeys.list, queryFn: () => api.get('/api/instruments') });

export const useInstrument = (id: string) =>
  useQuery({ queryKey: instrumentKeys.one(id), queryFn: () => api.get('/api/instruments/{id}', { path: { id } }) });

export const useInstrumentVersions = (id: string) =>
  useQuery({
    queryKey: instrumentKeys.versions(id),
    queryFn: () => api.get('/api/instruments/{id}/versions', { path: { id } }),
  });

/** The latest version's definition of each instrument (its languages); versions do not change once made, so kept long. */
export const useLatestDefinitions = (instruments: readonly Instrument[]) =>
  useQueries({
    queries: instruments.map((i) => ({
      queryKey: instrumentKeys.version(i.id, i.latestVersion.number),
      queryFn: () =>
        api.get('/api/instruments/{id}/versions/{number}', { path: { id: i.id, number: i.latestVersion.number } }),
      staleTime: 5 * 60_000,
    })),
  });

export function useImportInstrument() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiBody<'/api/instruments/import', 'post'>) => api.post('/api/instruments/import', { body }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: instrumentKeys.list, exact: true });
    },
  });
}

export function useUpdateInstrument(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiBody<'/api/instruments/{id}', 'patch'>) =>
      api.patch('/api/instruments/{id}', { path: { id }, body }),
    onSuccess: async (instrument) => {
      queryClient.setQueryData(instrumentKeys.one(id), instrument);
      await queryClient.invalidateQueries({ queryKey: instrumentKeys.list, exact: true });
    },
  });
}

/** The download of one version in one exchange format (the browser sends the session cookie). */
export const instrumentExportUrl = (
  id: string,
  format: InstrumentFormat,
  version?: number,
  language?: Language,
): string => apiHref('/api/instruments/{id}/export', { path: { id }, query: { format, version, language } });
