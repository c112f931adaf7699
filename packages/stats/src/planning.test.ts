import { describe, expect, it } from 'vitest';
import { planCampaign } from './planning.ts';

describe('planning a campaign', () => {
  it('needs Cohen’s 85 independent respondents for r = 0.3 at 80 % power, and more programs as the ICC grows', () => {
    // Cohen (1988), table 3.4.1: r = .30, two-sided α = .05, power .80 → n = 85.
    expect(planCampaign({ icc: 0, effect: 0.3, perProgram: 10 })).toEqual({ designEffect: 1, independent: 85, respondents: 90, programs: 9 });
    const clustered = planCampaign({ icc: 0.1, effect: 0.3, perProgram: 10 });
    expect(clustered.designEffect).toBeCloseTo(1.9, 12);
    expect(clustered.programs).toBe(Math.ceil((85 * 1.9) / 10));
    // Large programs help little once the ICC is high: 20 per program needs barely fewer programs than 10.
    expect(planCampaign({ icc: 0.3, effect: 0.3, perProgram: 20 }).programs).toBeGreaterThan(planCampaign({ icc: 0.3, effect: 0.3, perProgram: 10 }).programs * 0.6);
  });

  it('refuses inputs outside their ranges', () => {
    expect(() => planCampaign({ icc: 1, effect: 0.3, perProgram: 10 })).toThrow(/icc/);
    expect(() => planCampaign({ icc: 0.1, effect: 0, perProgram: 10 })).toThrow(/effect/);
    expect(() => planCampaign({ icc: 0.1, effect: 0.3, perProgram: 2.5 })).toThrow(/perProgram/);
  });
});
