import type { Indicators } from '@alongside/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, toQueryString } from '../../api/client.ts';
import type { Period } from './periods.ts';

const enc = encodeURIComponent;

export const useIndicators = (programId: string | undefined, period: Period | undefined) =>
  useQuery({
    queryKey: ['indicators', programId ?? '', period?.from ?? '', period?.to ?? ''] as const,
    queryFn: () =>
      api.get<Indicators>(`/api/programs/${enc(programId ?? '')}/indicators`, { from: period?.from, to: period?.to }),
    enabled: Boolean(programId && period),
    placeholderData: keepPreviousData,
  });

/** The CSV download of the same figures (the browser sends the session cookie). */
export const indicatorsCsvUrl = (programId: string, period: Period): string =>
  `/api/programs/${enc(programId)}/indicators.csv${toQueryString({ from: period.from, to: period.to })}`;
