import { InstrumentDefinitionSchema, type InstrumentDefinitionInput } from '@alongside/contracts/instruments';
import { Model } from 'survey-core';
import { describe, expect, it } from 'vitest';
import './survey-locales.ts';
import { answersFromSurvey, applySubstitutions, conditionExpression, toSurveyModel, type SurveyElementJson, type SurveyJson, type SurveyQuestionJson } from './surveyjs.ts';

// A small instrument written for these tests: every item type, nested sections, conditions and a substitution.
const input: InstrumentDefinitionInput = {
  title: { en: 'Working together', fr: 'Travailler ensemble', nb: 'Å jobbe sammen' },
  description: { en: 'About this change in your team.' },
  sourceLanguage: 'en',
  languages: [{ code: 'en' }, { code: 'fr' }, { code: 'nb' }],
  scales: [
    {
      id: 'agree5',
      points: [
        { value: 1, label: { en: 'Strongly disagree', fr: 'Pas du tout d’accord', nb: 'Helt uenig' } },
        { value: 2, label: { en: 'Disagree', fr: 'Pas d’accord', nb: 'Uenig' } },
        { value: 3, label: { en: 'Neither', fr: 'Ni l’un ni l’autre', nb: 'Verken eller' } },
        { value: 4, label: { en: 'Agree', fr: 'D’accord', nb: 'Enig' } },
        { value: 5, label: { en: 'Strongly agree', fr: 'Tout à fait d’accord', nb: 'Helt enig' } },
      ],
    },
    {
      id: 'zero_ten',
      points: Array.from({ length: 11 }, (_, v) => ({ value: v, label: v === 0 ? { en: 'Not at all' } : v === 10 ? { en: 'Completely' } : {} })),
    },
  ],
  sections: [
    { id: 'team', title: { en: 'Your team', fr: 'Votre équipe', nb: 'Teamet ditt' }, description: { en: 'How this change feels day to day.' } },
    { id: 'team_roles', title: { en: 'Roles', fr: 'Rôles', nb: 'Roller' }, parent: 'team' },
    { id: 'about', title: { en: 'About you', fr: 'À propos de vous', nb: 'Om deg' } },
  ],
  items: [
    {
      name: 'welcome',
      type: 'likert',
      scale: 'agree5',
      section: 'team',
      required: true,
      text: { en: 'This change was welcome in my team.', fr: 'Ce changement a été bien accueilli dans mon équipe.', nb: 'Denne endringen ble godt mottatt i teamet mitt.' },
      help: { en: 'Think of the last three months.', fr: 'Pensez aux trois derniers mois.', nb: 'Tenk på de siste tre månedene.' },
    },
    { name: 'clear_role', type: 'likert', scale: 'agree5', section: 'team_roles', reverse: true, text: { en: 'I am unsure what the peer role includes.' } },
    { name: 'overall', type: 'likert', scale: 'zero_ten', section: 'team', text: { en: 'Overall, how well has this change gone?' } },
    {
      name: 'role',
      type: 'single',
      section: 'about',
      text: { en: 'Your role', fr: 'Votre rôle', nb: 'Din rolle' },
      options: [
        { code: 'psp', label: { en: 'Peer support provider', fr: 'Pair aidant', nb: 'Likeperson' } },
        { code: 'other', label: { en: 'Another role', fr: 'Un autre rôle', nb: 'En annen rolle' } },
      ],
    },
    {
      name: 'settings',
      type: 'multiple',
      section: 'about',
      text: { en: 'Where do you work?' },
      options: [
        { code: 'inpatient', label: { en: 'Inpatient' } },
        { code: 'community', label: { en: 'Community' } },
      ],
    },
    { name: 'years', type: 'number', section: 'about', min: 0, max: 60, integer: true, text: { en: 'Years in this role' } },
    { name: 'ratio', type: 'number', section: 'about', min: 0.5, text: { en: 'Hours per week, roughly' } },
    {
      name: 'role_other',
      type: 'text',
      section: 'about',
      text: { en: 'Which role?' },
      enableWhen: [{ item: 'role', operator: 'equals', value: 'other' }],
    },
    {
      name: 'why_low',
      type: 'text',
      text: { en: 'What would have helped this change?' },
      enableWhen: [
        { item: 'welcome', operator: 'less', value: 3 },
        { item: 'overall', operator: 'less', value: '5' },
      ],
      enableBehavior: 'any',
    },
    {
      name: 'community_note',
      type: 'text',
      text: { en: 'Anything about community work?' },
      enableWhen: [
        { item: 'settings', operator: 'equals', value: 'community' },
        { item: 'years', operator: 'answered' },
      ],
    },
  ],
  substitutions: [
    {
      find: { en: 'this change', fr: 'ce changement', nb: 'denne endringen' },
      replace: { en: 'integrating peer support providers', fr: 'l’intégration des pairs aidants', nb: 'integreringen av likepersoner' },
    },
  ],
};
const definition = InstrumentDefinitionSchema.parse(input);

function allQuestions(json: SurveyJson): SurveyQuestionJson[] {
  const walk = (elements: SurveyElementJson[]): SurveyQuestionJson[] => elements.flatMap((e) => (e.type === 'panel' ? walk(e.elements) : [e]));
  return json.pages.flatMap((p) => walk(p.elements));
}
const questionIn = (json: SurveyJson, name: string) => {
  const q = allQuestions(json).find((x) => x.name === name);
  if (!q) throw new Error(`no question ${name}`);
  return q;
};

describe('toSurveyModel', () => {
  const en = toSurveyModel(definition, { language: 'en' });

  it('makes top-level sections pages and nested sections panels, in the order of their first item', () => {
    expect(en.pages.map((p) => [p.name, p.title])).toEqual([
      ['section:team', 'Your team'],
      ['section:about', 'About you'],
      ['page:main', undefined],
    ]);
    const team = en.pages[0]!;
    expect(team.description).toBe('How integrating peer support providers feels day to day.');
    expect(team.elements.map((e) => e.name)).toEqual(['welcome', 'section:team_roles', 'overall']);
    const panel = team.elements[1]!;
    expect(panel).toMatchObject({ type: 'panel', title: 'Roles', elements: [{ name: 'clear_role' }] });
    expect(en.pages[2]!.elements.map((e) => e.name)).toEqual(['why_low', 'community_note']);
  });

  it('writes a fully labelled Likert scale as labelled radio buttons, with required and help', () => {
    expect(questionIn(en, 'welcome')).toEqual({
      type: 'radiogroup',
      name: 'welcome',
      title: 'Integrating peer support providers was welcome in my team.',
      description: 'Think of the last three months.',
      isRequired: true,
      choices: [
        { value: 1, text: 'Strongly disagree' },
        { value: 2, text: 'Disagree' },
        { value: 3, text: 'Neither' },
        { value: 4, text: 'Agree' },
        { value: 5, text: 'Strongly agree' },
      ],
    });
    expect(questionIn(en, 'clear_role').isRequired).toBeUndefined();
  });

  it('writes a long scale labelled only at its ends (0–10) as a list of numbers with the end words beside them', () => {
    const q = questionIn(en, 'overall');
    expect(q.type).toBe('radiogroup');
    expect(q.choices?.map((v) => v.value)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(q.choices?.[0]).toEqual({ value: 0, text: '0 – Not at all' });
    expect(q.choices?.[5]).toEqual({ value: 5, text: '5' });
    expect(q.choices?.[10]).toEqual({ value: 10, text: '10 – Completely' });
  });

  it('writes a short scale labelled only at its ends as numbers, the end ones with their words', () => {
    const short = InstrumentDefinitionSchema.parse({
      ...input,
      scales: [{ id: 'often', points: [1, 2, 3, 4, 5].map((v) => ({ value: v, label: v === 1 ? { en: 'Never' } : v === 5 ? { en: 'Always' } : {} })) }],
      sections: [],
      items: [{ name: 'often', type: 'likert', scale: 'often', text: { en: 'How often?' } }],
    });
    const q = questionIn(toSurveyModel(short, { language: 'en' }), 'often');
    expect(q.type).toBe('radiogroup');
    expect(q.choices?.map((c) => c.text)).toEqual(['1 – Never', '2', '3', '4', '5 – Always']);
  });

  it('writes single choice as radio buttons, multiple as checkboxes, with the codes as values', () => {
    expect(questionIn(en, 'role')).toMatchObject({ type: 'radiogroup', choices: [{ value: 'psp', text: 'Peer support provider' }, { value: 'other', text: 'Another role' }] });
    expect(questionIn(en, 'settings')).toMatchObject({ type: 'checkbox', choices: [{ value: 'inpatient' }, { value: 'community' }] });
  });

  it('writes numbers as numeric inputs with their bounds, integers with a step of 1, and free text as a comment', () => {
    expect(questionIn(en, 'years')).toMatchObject({ type: 'text', inputType: 'number', min: 0, max: 60, step: 1 });
    const ratio = questionIn(en, 'ratio');
    expect(ratio).toMatchObject({ type: 'text', inputType: 'number', min: 0.5 });
    expect(ratio.max).toBeUndefined();
    expect(ratio.step).toBeUndefined();
    expect(questionIn(en, 'role_other')).toMatchObject({ type: 'comment', maxLength: 10000 });
  });

  it('turns enableWhen into visibleIf expressions', () => {
    expect(questionIn(en, 'role_other').visibleIf).toBe("{role} = 'other'");
    expect(questionIn(en, 'why_low').visibleIf).toBe('({welcome} < 3) or ({overall} < 5)');
    expect(questionIn(en, 'community_note').visibleIf).toBe("({settings} contains 'community') and ({years} notempty)");
  });

  it('gives SurveyJS conditions that show and hide the items as the answers change', () => {
    const model = new Model(en);
    const visible = (name: string) => model.getQuestionByName(name).isVisible;
    expect([visible('role_other'), visible('why_low'), visible('community_note')]).toEqual([false, false, false]);
    model.setValue('role', 'other');
    model.setValue('overall', 4);
    expect([visible('role_other'), visible('why_low')]).toEqual([true, true]);
    model.setValue('overall', 8);
    model.setValue('welcome', 4);
    expect(visible('why_low')).toBe(false);
    model.setValue('settings', ['inpatient', 'community']);
    expect(visible('community_note')).toBe(false);
    model.setValue('years', 3);
    expect(visible('community_note')).toBe(true);
  });

  it('lets SurveyJS check the number bounds and the integer step', () => {
    const model = new Model(en);
    const years = model.getQuestionByName('years');
    years.value = 61;
    expect(years.validate()).toBe(false);
    years.value = 2.5;
    expect(years.validate()).toBe(false);
    years.value = 12;
    expect(years.validate()).toBe(true);
  });

  it.each([
    ['en', 'en', 'Working together', 'Your role', 'Complete'],
    ['fr', 'fr', 'Travailler ensemble', 'Votre rôle', 'Terminer'],
    ['nb', 'no', 'Å jobbe sammen', 'Din rolle', 'Fullfør'],
  ] as const)('writes %s wording with SurveyJS locale %s', (language, locale, title, roleText, complete) => {
    const json = toSurveyModel(definition, { language });
    expect(json.locale).toBe(locale);
    expect(json.title).toBe(title);
    expect(questionIn(json, 'role').title).toBe(roleText);
    expect(new Model(json).completeText).toBe(complete);
  });

  it('applies the substitution in each language, and in the source language where a translation is missing', () => {
    expect(questionIn(toSurveyModel(definition, { language: 'fr' }), 'welcome').title).toBe('L’intégration des pairs aidants a été bien accueilli dans mon équipe.');
    expect(questionIn(toSurveyModel(definition, { language: 'nb' }), 'welcome').title).toBe('Integreringen av likepersoner ble godt mottatt i teamet mitt.');
    // No French wording for this item: the English wording, with the English substitution.
    expect(questionIn(toSurveyModel(definition, { language: 'fr' }), 'overall').title).toBe('Overall, how well has integrating peer support providers gone?');
  });

  it('uses the navigation texts it is given', () => {
    const json = toSurveyModel(definition, { language: 'en', navigation: { completeText: 'Send my answers', pageNextText: 'Next part' } });
    expect(new Model(json).completeText).toBe('Send my answers');
    expect(json.pageNextText).toBe('Next part');
  });

  it('ends a chain of sections that loops on itself instead of hanging', () => {
    const looping = InstrumentDefinitionSchema.parse({
      ...input,
      sections: [
        { id: 'a', title: { en: 'A' }, parent: 'b' },
        { id: 'b', title: { en: 'B' }, parent: 'a' },
      ],
      items: [{ name: 'q', type: 'text', section: 'a', text: { en: 'Q' } }],
    });
    const json = toSurveyModel(looping, { language: 'en' });
    expect(allQuestions(json).map((q) => q.name)).toEqual(['q']);
  });
});

describe('conditionExpression', () => {
  const textItem = definition.items.find((i) => i.name === 'role_other');

  it.each([`it's a \\ "quote"`, String.raw`C:\new\'x'`, '{braces} and (parentheses)'])('quotes %s so SurveyJS reads it back exactly', (value) => {
    const expression = conditionExpression({ item: 'role_other', operator: 'equals', value }, textItem);
    const model = new Model({ elements: [{ type: 'comment', name: 'role_other' }, { type: 'comment', name: 'next', visibleIf: expression }] });
    model.setValue('role_other', value);
    expect(model.getQuestionByName('next').isVisible).toBe(true);
    model.setValue('role_other', value.slice(0, -1));
    expect(model.getQuestionByName('next').isVisible).toBe(false);
  });

  it('writes not-equals (notcontains for multiple choice), not-answered, and leaves out a comparison without a value', () => {
    const settings = definition.items.find((i) => i.name === 'settings');
    expect(conditionExpression({ item: 'role', operator: 'not_equals', value: 'psp' }, undefined)).toBe("{role} <> 'psp'");
    expect(conditionExpression({ item: 'settings', operator: 'not_equals', value: 'community' }, settings)).toBe("{settings} notcontains 'community'");
    expect(conditionExpression({ item: 'role', operator: 'not_answered' }, undefined)).toBe('{role} empty');
    expect(conditionExpression({ item: 'years', operator: 'greater' }, undefined)).toBeUndefined();
  });
});

describe('applySubstitutions', () => {
  const subs = [{ find: { en: 'this change' }, replace: { en: 'the new team' } }];

  it('replaces every occurrence whatever its case, capitalizing at the start of a sentence', () => {
    expect(applySubstitutions('This change helps. I like this change. THIS CHANGE!', subs, 'en')).toBe('The new team helps. I like the new team. The new team!');
  });

  it('leaves wording alone in a language the substitution has no phrase for, and treats the phrase literally', () => {
    expect(applySubstitutions('Ce changement', subs, 'fr')).toBe('Ce changement');
    expect(applySubstitutions('a+b (x) a+b', [{ find: { en: 'a+b (x)' }, replace: { en: 'sum' } }], 'en')).toBe('sum a+b');
  });
});

describe('answersFromSurvey', () => {
  it('keeps the instrument’s items only, with numbers as numbers and codes as strings', () => {
    const data = { welcome: 4, years: '12', role: 'other', settings: ['community'], role_other: 'Coordinator', stray: 'x', ratio: '', why_low: null };
    expect(answersFromSurvey(data, definition)).toEqual({ welcome: 4, years: 12, role: 'other', settings: ['community'], role_other: 'Coordinator' });
  });

  it('leaves out answers to items the respondent can no longer see', () => {
    const model = new Model(toSurveyModel(definition, { language: 'en' }));
    model.setValue('role', 'other');
    model.setValue('role_other', 'Coordinator');
    model.setValue('role', 'psp');
    const visible = new Set(model.getAllQuestions(true).map((q) => q.name));
    expect(answersFromSurvey(model.data as Record<string, unknown>, definition, visible)).toEqual({ role: 'psp' });
  });
});
