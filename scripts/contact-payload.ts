/** A contact as the benchmarks log it: the same body for every engine and script, for the given person. */
export function contactPayload(personId: string | undefined) {
  return {
    personId,
    occurredAt: new Date(Date.now() - 60_000).toISOString(),
    durationMinutes: 30,
    mode: 'in_person',
    location: 'community',
    activities: ['emotional_support', 'hope_and_recovery'],
    note: 'Walked to the coffee shop together; talked about the week.',
  };
}
