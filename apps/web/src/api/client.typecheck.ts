// Checked by `npm run typecheck`, never run: the typed client refuses calls the API does not answer.
// Each `@ts-expect-error` fails the typecheck if the line below it stops being an error.
import { api, apiHref, type ApiResponse } from './client.ts';

export function callsTheApiDoesNotAnswer(id: string) {
  // @ts-expect-error: no such path
  void api.get('/api/team/{id}/board', { path: { id } });
  // @ts-expect-error: the path parameter is missing
  void api.get('/api/teams/{id}/board');
  // @ts-expect-error: the route is not a GET
  void api.get('/api/huddles/items');
  // @ts-expect-error: the body lacks a required field
  void api.post('/api/wellbeing/shares', { body: {} });
  // @ts-expect-error: a field the contract does not have
  void api.post('/api/wellbeing/shares', { body: { supervisorId: id, extra: 1 } });
  // @ts-expect-error: a query parameter the route does not take
  void api.get('/api/persons', { query: { team: id } });
  // @ts-expect-error: the indicators need both ends of the period
  void apiHref('/api/programs/{id}/indicators.csv', { path: { id }, query: { from: '2026-01-01' } });
}

export function answersAreTyped(board: ApiResponse<'/api/teams/{id}/board'>): string {
  // @ts-expect-error: the board has no such field
  const { nonexistentField } = board;
  return String(nonexistentField);
}
