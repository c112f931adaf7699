import { readFileSync } from 'node:fs';
import { scoreSurveyResponses, surveyLayout, type SurveyInstrument } from '@alongside/stats';
import { describe, expect, it } from 'vitest';
import { definitionProblems, InstrumentDefinitionSchema, type InstrumentDefinition } from './instruments.ts';

// packages/stats cannot import the contracts (they depend on it), so it declares the shape it scores. This file
// holds the two together: the typecheck fails here if an InstrumentDefinition stops being a SurveyInstrument.
const asScorable = (definition: InstrumentDefinition): SurveyInstrument => definition;

describe('instrument definitions and packages/stats scoring', () => {
  it('scores a parsed definition as it is, defaults included', () => {
    const raw: unknown = JSON.parse(readFileSync(new URL('../../../tools/reference/survey-instrument.json', import.meta.url), 'utf8'));
    const definition = InstrumentDefinitionSchema.parse(raw);
    expect(definitionProblems(definition)).toEqual([]);
    const layout = surveyLayout(asScorable(definition));
    expect(layout.subscales.map((s) => [s.id, s.aggregate, s.transform, s.needed])).toEqual([
      ['culture', 'mean', 'none', 2],
      ['support', 'mean', 'percent', 3],
      ['success', 'sum', 'none', 2],
      ['workload', 'mean', 'percent', 2],
    ]);
    const { subscales } = scoreSurveyResponses(definition, [{ cul_1: 5, cul_2: 4, cul_3: 1, cul_4: null, load_1: 'high', load_2: 0, load_3: 5 }]);
    expect(subscales.data[0]).toBe((5 + 4 + 5) / 3); // cul_3 reversed: (1 + 5) − 1
    expect(subscales.data[3]).toBe(100);
  });
});
