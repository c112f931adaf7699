import { describe, expect, it } from 'vitest';
import { choiceFromSpec, initialChoice, notInForm } from './analysis-form.ts';

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
      k: 8,
      resamples: 0,
      seed: 42,
      centering: true,
    });
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

  it('names what the form cannot choose', () => {
    expect(notInForm(spec(), scales)).toEqual([]);
    expect(notInForm(spec({ outcome: 'composite_1', factors: ['program_size', 'role_clarity'] }), scales)).toEqual([
      'composite_1',
      'program_size',
    ]);
  });
});
