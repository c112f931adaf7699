import { describe, expect, it } from 'vitest';
import { describePoints, diagnosticOption, diagnosticPoints, finitePoints } from './analysis-diagnostics.ts';

interface Series {
  type: string;
  data: unknown[];
  markLine?: { data: unknown[] };
}

describe('diagnosticPoints', () => {
  it('keeps only points with both figures finite (a null must not be drawn at 0 or as NaN)', () => {
    const points = diagnosticPoints({
      residualsByFitted: [
        { fitted: 3.1, residual: -0.02, n: 40 },
        { fitted: null, residual: 0.1, n: 40 },
        { fitted: 3.5, residual: null, n: 40 },
      ],
      residualQuantiles: [
        { theoretical: -1.5, sample: -1.4 },
        { theoretical: Number.NaN, sample: 0 },
      ],
      blupQuantiles: [],
    });
    expect(points).toEqual({ byFitted: [{ x: 3.1, y: -0.02 }], residuals: [{ x: -1.5, y: -1.4 }], blups: [] });
  });

  it('reads any rows', () => {
    expect(
      finitePoints(
        [{ a: 1, b: Infinity }],
        (r) => r.a,
        (r) => r.b,
      ),
    ).toEqual([]);
  });
});

describe('describePoints', () => {
  it('gives the ranges and the largest distance from the reference line', () => {
    const points = [
      { x: -1, y: -1.2 },
      { x: 0, y: 0.1 },
      { x: 1, y: 1.5 },
    ];
    expect(describePoints(points, 'identity')).toEqual({ xMin: -1, xMax: 1, yMin: -1.2, yMax: 1.5, gap: 0.5 });
    expect(describePoints(points, 'zero')?.gap).toBe(1.5);
    expect(describePoints([], 'zero')).toBeUndefined();
  });
});

describe('diagnosticOption', () => {
  const text = { x: 'x', y: 'y', series: 's' };

  it('draws residuals against a zero line, with 0 kept on the axis', () => {
    const option = diagnosticOption([{ x: 3, y: 0.2 }], text, 'zero') as {
      series: Series[];
      yAxis: { scale: boolean };
    };
    expect(option.series).toHaveLength(1);
    expect(option.series[0]!.markLine?.data).toEqual([{ yAxis: 0 }]);
    expect(option.yAxis.scale).toBe(false);
  });

  it('draws a Q–Q plot against the identity line across all the points', () => {
    const option = diagnosticOption(
      [
        { x: -2, y: -1.5 },
        { x: 1.8, y: 2.4 },
      ],
      text,
      'identity',
    ) as { series: Series[] };
    expect(option.series[1]).toMatchObject({
      type: 'line',
      data: [
        [-2, -2],
        [2.4, 2.4],
      ],
    });
    expect(JSON.stringify(option)).not.toContain('null');
  });

  it('gives a single point a line of some length', () => {
    const option = diagnosticOption([{ x: 0.5, y: 0.5 }], text, 'identity') as { series: Series[] };
    expect(option.series[1]!.data).toEqual([
      [-0.5, -0.5],
      [1.5, 1.5],
    ]);
  });
});
