import { keepPreviousData, queryOptions, skipToken, useQueries, useQuery } from '@tanstack/react-query';
import { api, type ApiQuery, type ApiResponse } from '../../api/client.ts';

export type PlanningQuery = ApiQuery<'/api/analyses/planning'>;
export type Plan = ApiResponse<'/api/analyses/planning'>;
export type PlanningField = keyof PlanningQuery;

/** The sizes of program the small chart compares. */
export const CURVE_SIZES = [5, 10, 20, 30, 50] as const;

/** What the API accepts (packages/contracts PlanningQuerySchema), for the help texts and the field messages. */
export const PLANNING_BOUNDS: Record<PlanningField, { min: number; max: number }> = {
  icc: { min: 0, max: 0.99 },
  effect: { min: 0.01, max: 0.99 },
  perProgram: { min: 1, max: 10_000 },
  power: { min: 0.5, max: 0.999 },
  alpha: { min: 0.0001, max: 0.5 },
};

export const isPlanningField = (field: string): field is PlanningField => Object.hasOwn(PLANNING_BOUNDS, field);

export const planningKeys = {
  plan: (query: PlanningQuery) => ['analyses', 'planning', query] as const,
};

/** A plan with the inputs it answers, so what is shown while the next one loads still names its own inputs. */
export interface PlanFor {
  query: PlanningQuery;
  plan: Plan;
}

const fetchPlan = async (query: PlanningQuery, signal: AbortSignal): Promise<PlanFor> => ({
  query,
  plan: await api.get('/api/analyses/planning', { query, signal }),
});

const planQuery = (query: PlanningQuery | undefined) =>
  queryOptions({
    queryKey: planningKeys.plan(query ?? { icc: 0, effect: 0, perProgram: 0 }),
    queryFn: query ? ({ signal }: { signal: AbortSignal }) => fetchPlan(query, signal) : skipToken,
    // The same inputs always give the same plan.
    staleTime: Infinity,
    // The last answer stays while the next is computed, so the figures do not flicker as the researcher types.
    placeholderData: keepPreviousData,
  });

/** The plan for these inputs (nothing is asked while `query` is undefined). */
export const usePlan = (query: PlanningQuery | undefined) => useQuery(planQuery(query));

/** The programs needed at each of `CURVE_SIZES` respondents per program, for the same ICC, effect, power and alpha. */
export const usePlanCurve = (query: PlanningQuery | undefined) =>
  useQueries({
    queries: CURVE_SIZES.map((perProgram) => planQuery(query ? { ...query, perProgram } : undefined)),
  });
