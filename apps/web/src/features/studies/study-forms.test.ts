import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client.ts';
import {
  draftFromInformant,
  emptyInformantDraft,
  informantBody,
  informantDraftProblems,
  isPseudonymTaken,
  isStale,
  orderedScopes,
} from './informant-form.ts';
import { addMemberProblem, isOnlyLead } from './member-errors.ts';
import type { Informant } from './queries.ts';

const informant: Informant = {
  id: 'i1',
  studyId: 's1',
  pseudonym: 'Åse Bjørnstad',
  group: 'psp',
  countryCode: 'NO',
  setting: null,
  consentDate: '2026-03-02',
  consentScope: ['audio_kept', 'quotes_published'],
  version: 3,
  createdAt: '2026-03-02T10:00:00.000Z',
};

describe('the informant form', () => {
  it('starts empty with consent given today, and asks for what is missing', () => {
    const draft = emptyInformantDraft('2026-05-01');
    expect(draft.consentDate).toBe('2026-05-01');
    expect(informantDraftProblems(draft)).toEqual({
      pseudonym: 'required',
      group: 'required',
      countryCode: 'required',
    });
    expect(informantBody(draft)).toBeUndefined();
  });

  it('refuses a pseudonym of only spaces or over 60 characters, and a malformed date', () => {
    const draft = { ...draftFromInformant(informant), pseudonym: '   ', consentDate: '02/03/2026' };
    expect(informantDraftProblems(draft)).toEqual({ pseudonym: 'required', consentDate: 'invalidDate' });
    expect(informantDraftProblems({ ...draft, pseudonym: 'x'.repeat(61), consentDate: '2026-03-02' })).toEqual({
      pseudonym: 'tooLong',
    });
  });

  it('sends a trimmed pseudonym, no setting as null and the scopes in their one order', () => {
    const draft = { ...draftFromInformant(informant), pseudonym: '  Åse Bjørnstad ' };
    expect(informantBody(draft)).toEqual({
      pseudonym: 'Åse Bjørnstad',
      group: 'psp',
      countryCode: 'NO',
      setting: null,
      consentDate: '2026-03-02',
      consentScope: ['quotes_published', 'audio_kept'],
    });
    expect(orderedScopes(['audio_kept', 'other'])).toEqual(['audio_kept']);
  });
});

describe("the server's refusals", () => {
  it('tells a taken pseudonym and a stale edit apart from other conflicts', () => {
    const taken = new ApiError(409, 'already_exists', 'taken', [
      { field: 'pseudonym', in: 'body', message: 'is taken in this study' },
    ]);
    expect(isPseudonymTaken(taken)).toBe(true);
    expect(isPseudonymTaken(new ApiError(409, 'already_exists', 'member'))).toBe(false);
    expect(isStale(new ApiError(409, 'version_conflict', 'stale'))).toBe(true);
    expect(isStale(taken)).toBe(false);
  });

  it('says why a member could not be added or removed', () => {
    const noAccount = new ApiError(400, 'validation_failed', 'bad', [
      { field: 'email', message: 'no account has this email address' },
    ]);
    expect(addMemberProblem(noAccount)).toBe('noAccount');
    expect(
      addMemberProblem(
        new ApiError(400, 'validation_failed', 'bad', [{ field: 'email', message: 'must be a valid email address' }]),
      ),
    ).toBeUndefined();
    expect(addMemberProblem(new ApiError(409, 'already_exists', 'in'))).toBe('alreadyMember');
    expect(addMemberProblem(new ApiError(403, 'forbidden', 'no'))).toBeUndefined();
    expect(isOnlyLead(new ApiError(409, 'invalid_transition', 'only lead'))).toBe(true);
  });
});
