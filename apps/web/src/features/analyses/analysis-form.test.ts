import { describe, expect, it } from 'vitest';
import {
  choiceFromSpec,
  COMPOSITE_KEY,
  compositeProblems,
  emptyComposite,
  DEFAULT_MODELS,
  initialChoice,
  isCompositeOffered,
  isDefaultModels,
  notInForm,
  requestFromChoice,
} from './analysis-form.ts';

const campaign = {
  waves: [
    { id: 'w-follow', kind: 'follow_up' },
    { id: 'w-base', kind: 'baseline' },
  ],
} as unknown as Parameters<typeof initialChoice>[0];
const scales = [
  { key: 'collab_culture', outcome: false },
  { key: 'integration_success', outcome: true },
  { key: 'role_clarity', outcome: false },
  { key: 'mgmt_support', outcome: false },
];
const spec = (over: Partial<Parameters<typeof choiceFromSpec>[0]> = {}): Parameters<typeof choiceFromSpec>[0] => ({
  campaignId: 'c',
  waveId: 'w-follow',
  outcome: 'role_clarity',
  factors: ['collab_culture', 'mgmt_support'],
  options: { k: 8, resamples: 0, seed: 42, centering: true },
  ...over,
});

describe('initialChoice', () => {
  it('starts from the baseline wave, the marked outcome and every other scale', () => {
    expect(initialChoice(campaign, scales)).toEqual({
      waveId: 'w-base',
      outcome: 'integration_success',
      factors: ['collab_culture', 'role_clarity', 'mgmt_support'],
      models: ['mixed', 'ols', 'dominance', 'country'],
      composite: emptyComposite(),
      k: 5,
      resamples: 200,
      seed: 1,
      centering: false,
    });
  });
});

describe('choiceFromSpec', () => {
  const fallback = initialChoice(campaign, scales);

  it('takes the wave, outcome, factors and options of a saved spec (its seed too, so a rerun reproduces it)', () => {
    expect(choiceFromSpec(spec(), campaign, scales, fallback)).toEqual({
      waveId: 'w-follow',
      outcome: 'role_clarity',
      factors: ['collab_culture', 'mgmt_support'],
      models: ['mixed', 'ols', 'dominance', 'country'],
      composite: fallback.composite,
      k: 8,
      resamples: 0,
      seed: 42,
      centering: true,
    });
  });

  it('takes the spec’s models, in the contract’s order', () => {
    const choice = choiceFromSpec(spec({ models: ['level_dominance', 'mixed'] }), campaign, scales, fallback);
    expect(choice.models).toEqual(['mixed', 'level_dominance']);
  });

  it('keeps the current wave and outcome when the campaign no longer has them, and leaves unknown factors out', () => {
    const choice = choiceFromSpec(
      spec({
        waveId: 'w-gone',
        outcome: 'gone_scale',
        factors: ['integration_success', 'program_size', 'mgmt_support'],
      }),
      campaign,
      scales,
      fallback,
    );
    expect(choice.waveId).toBe('w-base');
    // The fallback outcome is one of the spec's factors: it is not also a factor.
    expect(choice.outcome).toBe('integration_success');
    expect(choice.factors).toEqual(['mgmt_support']);
  });

  it('knows the program variables as factors and outcomes', () => {
    const choice = choiceFromSpec(
      spec({ outcome: 'indicator_huddle_attendance', factors: ['collab_culture', 'profile_psp_fte', 'profile_gone'] }),
      campaign,
      scales,
      fallback,
    );
    expect(choice.outcome).toBe('indicator_huddle_attendance');
    expect(choice.factors).toEqual(['collab_culture', 'profile_psp_fte']);
  });

  it('fills the composite builder from a composite outcome, leaving out parts the campaign no longer has', () => {
    const composite = {
      key: 'integration_index',
      label: 'Integration index',
      parts: [
        { variable: 'integration_success', weight: 2 },
        { variable: 'gone_scale', weight: 1 },
        { variable: 'indicator_voice_on_time', weight: -0.5 },
      ],
      standardize: false,
    };
    const saved = spec({ outcome: 'integration_index', composites: [composite] });
    const choice = choiceFromSpec(saved, campaign, scales, fallback);
    expect(choice.outcome).toBe(COMPOSITE_KEY);
    expect(choice.composite).toEqual({
      label: 'Integration index',
      parts: [
        { variable: 'integration_success', weight: 2 },
        { variable: 'indicator_voice_on_time', weight: -0.5 },
      ],
      standardize: false,
    });
    expect(notInForm(saved, scales)).toEqual(['gone_scale']);
  });

  it('keeps the fallback outcome when a composite outcome has fewer than two parts left', () => {
    const saved = spec({
      outcome: 'index',
      composites: [
        {
          key: 'index',
          parts: [
            { variable: 'role_clarity', weight: 1 },
            { variable: 'gone_scale', weight: 1 },
          ],
          standardize: true,
        },
      ],
    });
    expect(choiceFromSpec(saved, campaign, scales, fallback).outcome).toBe('integration_success');
    expect(notInForm(saved, scales)).toEqual(['index', 'gone_scale']);
  });

  it('names what the form cannot choose', () => {
    expect(notInForm(spec(), scales)).toEqual([]);
    expect(notInForm(spec({ factors: ['profile_champion', 'role_clarity'] }), scales)).toEqual([]);
    expect(notInForm(spec({ outcome: 'composite_1', factors: ['program_size', 'role_clarity'] }), scales)).toEqual([
      'composite_1',
      'program_size',
    ]);
  });
});

describe('the composite', () => {
  const draft = {
    label: ' Index ',
    parts: [
      { variable: 'role_clarity', weight: 1 },
      { variable: 'profile_psp_fte', weight: '-2' },
    ],
    standardize: true,
  };

  it('is offered as an outcome once it has a name and two parts with a variable', () => {
    expect(isCompositeOffered(emptyComposite())).toBe(false);
    expect(isCompositeOffered(draft)).toBe(true);
    expect(isCompositeOffered({ ...draft, label: ' ' })).toBe(false);
  });

  it('names its problems at the fields of the request', () => {
    expect(compositeProblems(draft)).toEqual({});
    expect(
      compositeProblems({
        label: '',
        parts: [
          { variable: 'role_clarity', weight: 0 },
          { variable: 'role_clarity', weight: '' },
          { variable: '', weight: 101 },
        ],
        standardize: true,
      }),
    ).toEqual({
      'composites.0.label': 'labelMissing',
      'composites.0.parts.0.weight': 'weight',
      'composites.0.parts.1.variable': 'variableTwice',
      'composites.0.parts.1.weight': 'weight',
      'composites.0.parts.2.variable': 'variableMissing',
      'composites.0.parts.2.weight': 'weight',
    });
  });

  it('goes into the request only as the outcome; factors keep the scales’ order, then the program variables’', () => {
    const choice = {
      ...initialChoice(campaign, scales),
      factors: ['profile_psp_fte', 'mgmt_support', 'collab_culture'],
      composite: draft,
    };
    const plain = requestFromChoice('c', choice, scales);
    expect(plain.outcome).toBe('integration_success');
    expect(plain.factors).toEqual(['collab_culture', 'mgmt_support', 'profile_psp_fte']);
    expect(plain).not.toHaveProperty('composites');
    expect(requestFromChoice('c', { ...choice, outcome: COMPOSITE_KEY }, scales)).toMatchObject({
      outcome: COMPOSITE_KEY,
      composites: [
        {
          key: COMPOSITE_KEY,
          label: 'Index',
          parts: [
            { variable: 'role_clarity', weight: 1 },
            { variable: 'profile_psp_fte', weight: -2 },
          ],
          standardize: true,
        },
      ],
    });
  });
});

describe('the models', () => {
  const choice = initialChoice(campaign, scales);

  it('are left out of the request when they are the default set, in any order', () => {
    expect(requestFromChoice('c', choice, scales)).not.toHaveProperty('models');
    expect(isDefaultModels(['country', 'dominance', 'ols', 'mixed'])).toBe(true);
    expect(isDefaultModels(DEFAULT_MODELS)).toBe(true);
  });

  it('go into the request, in the contract’s order, when they differ from the default set', () => {
    expect(requestFromChoice('c', { ...choice, models: ['level_dominance', 'mixed'] }, scales).models).toEqual([
      'mixed',
      'level_dominance',
    ]);
    expect(requestFromChoice('c', { ...choice, models: ['ols'] }, scales).models).toEqual(['ols']);
    expect(
      requestFromChoice('c', { ...choice, models: [...DEFAULT_MODELS, 'level_dominance'] }, scales).models,
    ).toEqual(['mixed', 'ols', 'dominance', 'country', 'level_dominance']);
  });
});
