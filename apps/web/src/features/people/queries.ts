import type { VoiceItem } from '@alongside/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { api, type ApiBody, type ApiQuery } from '../../api/client.ts';

export type PersonsQuery = ApiQuery<'/api/persons'>;
export type ContactsQuery = ApiQuery<'/api/contacts'>;
export type VoiceItemsQuery = ApiQuery<'/api/voice-items'>;
export type ConnectionsQuery = ApiQuery<'/api/connections'>;

export const practiceKeys = {
  persons: (query: PersonsQuery) => ['persons', query] as const,
  person: (id: string) => ['person', id] as const,
  consents: (personId: string) => ['person', personId, 'consents'] as const,
  contacts: (query: ContactsQuery) => ['contacts', query] as const,
  voiceItems: (query: VoiceItemsQuery) => ['voice-items', query] as const,
  connections: (query: ConnectionsQuery) => ['connections', query] as const,
};

/** Everything a change to a person's practice data can alter (lists, the person's counters, the board). */
const PRACTICE_ROOTS: QueryKey[] = [
  ['persons'],
  ['person'],
  ['contacts'],
  ['voice-items'],
  ['connections'],
  ['board'],
  ['huddles'],
];

/** A mutation that refreshes every practice list when it succeeds. */
function usePracticeMutation<TBody, TResult>(send: (body: TBody) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async () => {
      await Promise.all(PRACTICE_ROOTS.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    },
  });
}

export const usePersons = (query: PersonsQuery, enabled = true) =>
  useQuery({
    queryKey: practiceKeys.persons(query),
    queryFn: () => api.get('/api/persons', { query }),
    enabled,
    // Typing in the search box keeps the previous cards until the new list arrives.
    placeholderData: keepPreviousData,
  });

export const usePerson = (id: string) =>
  useQuery({
    queryKey: practiceKeys.person(id),
    queryFn: () => api.get('/api/persons/{id}', { path: { id } }),
    enabled: Boolean(id),
  });

export const useConsents = (personId: string, enabled: boolean) =>
  useQuery({
    queryKey: practiceKeys.consents(personId),
    queryFn: () => api.get('/api/persons/{id}/consents', { path: { id: personId } }),
    enabled,
  });

export const useContacts = (query: ContactsQuery) =>
  useQuery({
    queryKey: practiceKeys.contacts(query),
    queryFn: () => api.get('/api/contacts', { query }),
    // "Show older contacts" asks for a longer list; keep the shorter one on screen meanwhile.
    placeholderData: keepPreviousData,
  });

export const useVoiceItems = (query: VoiceItemsQuery) =>
  useQuery({
    queryKey: practiceKeys.voiceItems(query),
    queryFn: () => api.get('/api/voice-items', { query }),
  });

export const useConnections = (query: ConnectionsQuery) =>
  useQuery({
    queryKey: practiceKeys.connections(query),
    queryFn: () => api.get('/api/connections', { query }),
  });

export const useCreatePerson = () =>
  usePracticeMutation((body: ApiBody<'/api/persons', 'post'>) => api.post('/api/persons', { body }));

export const useRecordConsent = (personId: string) =>
  usePracticeMutation((body: ApiBody<'/api/persons/{id}/consents', 'post'>) =>
    api.post('/api/persons/{id}/consents', { path: { id: personId }, body }),
  );

export const useCreateContact = () =>
  usePracticeMutation((body: ApiBody<'/api/contacts', 'post'>) => api.post('/api/contacts', { body }));

export const useUpdateContact = () =>
  usePracticeMutation(({ id, ...body }: ApiBody<'/api/contacts/{id}', 'patch'> & { id: string }) =>
    api.patch('/api/contacts/{id}', { path: { id }, body }),
  );

export const useAddCorrection = () =>
  usePracticeMutation(({ id, note }: { id: string; note: string }) =>
    api.post('/api/contacts/{id}/corrections', { path: { id }, body: { note } }),
  );

export const useCreateVoiceItem = () =>
  usePracticeMutation((body: ApiBody<'/api/voice-items', 'post'>) => api.post('/api/voice-items', { body }));

/** One step of a voice item's loop; the body always carries the version the user saw. */
export type VoiceStep =
  | { step: 'share'; item: VoiceItem }
  | { step: 'acknowledge'; item: VoiceItem }
  | { step: 'answer'; item: VoiceItem; answer: string }
  | { step: 'return'; item: VoiceItem; reaction?: string }
  | { step: 'withdraw'; item: VoiceItem };

export const useVoiceStep = () =>
  usePracticeMutation((s: VoiceStep) => {
    const path = { id: s.item.id };
    const version = s.item.version;
    switch (s.step) {
      case 'answer':
        return api.post('/api/voice-items/{id}/answer', { path, body: { answer: s.answer, version } });
      case 'return':
        return api.post('/api/voice-items/{id}/return', { path, body: { reaction: s.reaction, version } });
      case 'share':
        return api.post('/api/voice-items/{id}/share', { path, body: { version } });
      case 'acknowledge':
        return api.post('/api/voice-items/{id}/acknowledge', { path, body: { version } });
      case 'withdraw':
        return api.post('/api/voice-items/{id}/withdraw', { path, body: { version } });
    }
  });

export const useCreateConnection = () =>
  usePracticeMutation((body: ApiBody<'/api/connections', 'post'>) => api.post('/api/connections', { body }));

export const useUpdateConnection = () =>
  usePracticeMutation(({ id, ...body }: ApiBody<'/api/connections/{id}', 'patch'> & { id: string }) =>
    api.patch('/api/connections/{id}', { path: { id }, body }),
  );

export const useAddHuddleItem = () =>
  usePracticeMutation((body: ApiBody<'/api/huddles/items', 'post'>) => api.post('/api/huddles/items', { body }));

export const useUpdatePerson = (personId: string) =>
  usePracticeMutation((body: ApiBody<'/api/persons/{id}', 'patch'>) =>
    api.patch('/api/persons/{id}', { path: { id: personId }, body }),
  );
