import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, apiHref } from '../../api/client.ts';
import type { Period } from './periods.ts';

export const useIndicators = (programId: string | undefined, period: Period | undefined) =>
  useQuery({
    queryKey: ['indicators', programId ?? '', period?.from ?? '', period?.to ?? ''] as const,
    queryFn: () =>
      api.get('/api/programs/{id}/indicators', {
        path: { id: programId ?? '' },
        query: { from: period?.from ?? '', to: period?.to ?? '' },
      }),
    enabled: Boolean(programId && period),
    placeholderData: keepPreviousData,
  });

/** The CSV download of the same figures (the browser sends the session cookie). */
export const indicatorsCsvUrl = (programId: string, period: Period): string =>
  apiHref('/api/programs/{id}/indicators.csv', {
    path: { id: programId },
    query: { from: period.from, to: period.to },
  });

/** Team sustainability of a program over the same period as the indicators (staffing, retention, supervision, time away). */
export const useSustainability = (programId: string | undefined, period: Period | undefined) =>
  useQuery({
    queryKey: ['sustainability', programId ?? '', period?.from ?? '', period?.to ?? ''] as const,
    queryFn: () =>
      api.get('/api/programs/{id}/sustainability', {
        path: { id: programId ?? '' },
        query: { from: period?.from ?? '', to: period?.to ?? '' },
      }),
    enabled: Boolean(programId && period),
    placeholderData: keepPreviousData,
  });

/** A team's wellbeing aggregate for one completed month (YYYY-MM); the server withholds it below k. */
export const useTeamWellbeing = (teamId: string, month: string | undefined, enabled = true) =>
  useQuery({
    queryKey: ['team-wellbeing', teamId, month ?? ''] as const,
    queryFn: () => api.get('/api/teams/{id}/wellbeing', { path: { id: teamId }, query: { month } }),
    enabled: enabled && Boolean(month),
    placeholderData: keepPreviousData,
  });

/** A team's workload over the last `weeks` weeks, as distributions over its PSPs (suppressed below k). */
export const useTeamWorkload = (teamId: string, weeks: number, enabled = true) =>
  useQuery({
    queryKey: ['team-workload', teamId, weeks] as const,
    queryFn: () => api.get('/api/teams/{id}/workload', { path: { id: teamId }, query: { weeks } }),
    enabled,
  });
