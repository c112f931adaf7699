import type {
  ConsentBody,
  ConsentRecord,
  Connection,
  ConnectionStatus,
  Contact,
  ContactActivity,
  Language,
  Person,
  VoiceItem,
} from '@alongside/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { api, type QueryValue } from '../../api/client.ts';

const enc = encodeURIComponent;

export const practiceKeys = {
  persons: (query: Record<string, QueryValue>) => ['persons', query] as const,
  person: (id: string) => ['person', id] as const,
  consents: (personId: string) => ['person', personId, 'consents'] as const,
  contacts: (query: Record<string, QueryValue>) => ['contacts', query] as const,
  voiceItems: (query: Record<string, QueryValue>) => ['voice-items', query] as const,
  connections: (query: Record<string, QueryValue>) => ['connections', query] as const,
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

export interface PersonsQuery extends Record<string, QueryValue> {
  teamId?: string;
  mine?: boolean;
  q?: string;
}

export const usePersons = (query: PersonsQuery, enabled = true) =>
  useQuery({
    queryKey: practiceKeys.persons(query),
    queryFn: () => api.get<Person[]>('/api/persons', query),
    enabled,
    // Typing in the search box keeps the previous cards until the new list arrives.
    placeholderData: keepPreviousData,
  });

export const usePerson = (id: string) =>
  useQuery({
    queryKey: practiceKeys.person(id),
    queryFn: () => api.get<Person>(`/api/persons/${enc(id)}`),
    enabled: Boolean(id),
  });

export const useConsents = (personId: string, enabled: boolean) =>
  useQuery({
    queryKey: practiceKeys.consents(personId),
    queryFn: () => api.get<ConsentRecord[]>(`/api/persons/${enc(personId)}/consents`),
    enabled,
  });

export const useContacts = (query: { personId?: string; teamId?: string; limit?: number }) =>
  useQuery({
    queryKey: practiceKeys.contacts(query),
    queryFn: () => api.get<Contact[]>('/api/contacts', query),
    // "Show older contacts" asks for a longer list; keep the shorter one on screen meanwhile.
    placeholderData: keepPreviousData,
  });

export const useVoiceItems = (query: { personId?: string; teamId?: string; status?: VoiceItem['status'] }) =>
  useQuery({
    queryKey: practiceKeys.voiceItems(query),
    queryFn: () => api.get<VoiceItem[]>('/api/voice-items', query),
  });

export const useConnections = (query: { personId?: string; teamId?: string; status?: ConnectionStatus }) =>
  useQuery({
    queryKey: practiceKeys.connections(query),
    queryFn: () => api.get<Connection[]>('/api/connections', query),
  });

export interface CreatePersonInput {
  teamId: string;
  preferredName: string;
  pronouns?: string;
  externalId?: string;
  language: Language;
}
export const useCreatePerson = () =>
  usePracticeMutation((body: CreatePersonInput) => api.post<Person>('/api/persons', body));

export const useRecordConsent = (personId: string) =>
  usePracticeMutation((body: ConsentBody) => api.post<Person>(`/api/persons/${enc(personId)}/consents`, body));

export interface ContactInput {
  occurredAt: string;
  durationMinutes: number;
  mode: Contact['mode'];
  location: Contact['location'];
  activities: ContactActivity[];
  note: string;
  teamSummary?: string;
  summaryAgreed: boolean;
}
export const useCreateContact = () =>
  usePracticeMutation((body: ContactInput & { personId: string }) => api.post<Contact>('/api/contacts', body));

export const useUpdateContact = () =>
  usePracticeMutation(
    ({
      id,
      ...body
    }: Omit<ContactInput, 'teamSummary'> & { id: string; teamSummary: string | null; version: number }) =>
      api.patch<Contact>(`/api/contacts/${enc(id)}`, body),
  );

export const useAddCorrection = () =>
  usePracticeMutation(({ id, note }: { id: string; note: string }) =>
    api.post<Contact>(`/api/contacts/${enc(id)}/corrections`, { note }),
  );

export interface VoiceItemInput {
  personId: string;
  kind: VoiceItem['kind'];
  words: string;
  context?: string;
  writtenTogether: boolean;
  shareAgreed: boolean;
}
export const useCreateVoiceItem = () =>
  usePracticeMutation((body: VoiceItemInput) => api.post<VoiceItem>('/api/voice-items', body));

/** One step of a voice item's loop; the body always carries the version the user saw. */
export type VoiceStep =
  | { step: 'share'; item: VoiceItem }
  | { step: 'acknowledge'; item: VoiceItem }
  | { step: 'answer'; item: VoiceItem; answer: string }
  | { step: 'return'; item: VoiceItem; reaction?: string }
  | { step: 'withdraw'; item: VoiceItem };

export const useVoiceStep = () =>
  usePracticeMutation((s: VoiceStep) => {
    const url = `/api/voice-items/${enc(s.item.id)}/${s.step}`;
    const version = s.item.version;
    switch (s.step) {
      case 'answer':
        return api.post<VoiceItem>(url, { answer: s.answer, version });
      case 'return':
        return api.post<VoiceItem>(url, { reaction: s.reaction, version });
      case 'share':
      case 'acknowledge':
      case 'withdraw':
        return api.post<VoiceItem>(url, { version });
    }
  });

export type CreateConnectionInput =
  | {
      direction: 'from_peer_support';
      personId: string;
      targetUserId?: string;
      service?: NonNullable<Connection['service']>;
      warmHandoff: boolean;
      reason?: string;
    }
  | {
      direction: 'to_peer_support';
      personId?: string;
      newPerson?: { teamId: string; preferredName: string; pronouns?: string; language: Language };
      reason?: string;
    };
export const useCreateConnection = () =>
  usePracticeMutation((body: CreateConnectionInput) => api.post<Connection>('/api/connections', body));

export const useUpdateConnection = () =>
  usePracticeMutation(
    ({
      id,
      ...body
    }: {
      id: string;
      status: ConnectionStatus;
      note?: string;
      personFeedback?: string;
      version: number;
    }) => api.patch<Connection>(`/api/connections/${enc(id)}`, body),
  );

export const useAddHuddleItem = () =>
  usePracticeMutation((body: { teamId: string; voiceItemId?: string; connectionId?: string; topic?: string }) =>
    api.post<unknown>('/api/huddles/items', body),
  );

export interface UpdatePersonInput {
  preferredName?: string;
  pronouns?: string | null;
  externalId?: string | null;
  language?: Language;
  version: number;
}
export const useUpdatePerson = (personId: string) =>
  usePracticeMutation((body: UpdatePersonInput) => api.patch<Person>(`/api/persons/${enc(personId)}`, body));
