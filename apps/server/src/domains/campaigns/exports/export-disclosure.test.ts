import { describe, expect, it } from 'vitest';
import { placeRows } from './export-disclosure.ts';
import { exportDataset } from './export.fixture.ts';

describe('the k rule on respondent rows', () => {
  it('counts each wave apart: three follow-up answers of a large baseline program are withheld, not shown under its name', () => {
    const dataset = exportDataset();
    const template = dataset.responses[0]!;
    for (let i = 0; i < 3; i++) dataset.responses.push({ ...template, id: `follow-${i}`, waveId: 'wave-follow' });
    const { placements, report } = placeRows(dataset);
    expect(placements.get('follow-0')).toEqual({ kind: 'withheld' });
    expect(placements.get(template.id)).toEqual({ kind: 'program' });
    expect(report.withheld.map((c) => [c.waveName, c.countryCode, c.group, c.programs, c.responses])).toEqual([
      ['Baseline', 'NO', 'clinician', 1, 4],
      ['Follow-up 1', 'CA', 'psp', 1, 3],
    ]);
  });

  it('shows a pool of exactly k and never uses a k below 11, whatever the campaign says', () => {
    const dataset = exportDataset();
    // The two small Canadian PSP cells hold 5 + 7 = 12; drop one response so the pool holds exactly 11.
    dataset.responses = dataset.responses.filter((r) => r.id !== 'response-023');
    expect(placeRows(dataset).report.merged).toMatchObject([
      { countryCode: 'CA', group: 'psp', programs: 2, responses: 11 },
    ]);
    dataset.campaign.k = 3;
    expect(placeRows(dataset).report.k).toBe(11);
    dataset.campaign.k = 15;
    const stricter = placeRows(dataset).report;
    expect(stricter.k).toBe(15);
    // At k = 15 all three Canadian PSP cells are small, and together 12 + 5 + 6 = 23.
    expect(stricter.merged.map((c) => [c.countryCode, c.group, c.programs, c.responses])).toEqual([
      ['CA', 'psp', 3, 23],
    ]);
    expect(stricter.withheld.map((c) => [c.countryCode, c.group, c.programs, c.responses])).toEqual([
      ['CA', 'clinician', 1, 11],
      ['NO', 'psp', 1, 11],
      ['NO', 'clinician', 1, 4],
    ]);
  });
});
