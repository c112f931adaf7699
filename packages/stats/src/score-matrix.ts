// A flat matrix of scores, respondents × variables, for the survey statistics: one Float64Array, column by column
// (a variable's scores lie next to each other, so a pass over one item or one scale reads memory in order), NaN for
// a missing answer. Scoring writes one; reliability and agreement read it without copying.

/** Scores stored column by column: `data[column * rows + row]`; NaN is missing. */
export interface ScoreMatrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

/** A matrix of the given size with every cell missing. */
export function emptyScoreMatrix(rows: number, cols: number): ScoreMatrix {
  if (!Number.isInteger(rows) || rows < 0 || !Number.isInteger(cols) || cols < 0) throw new RangeError('a score matrix needs whole, non-negative dimensions');
  return { rows, cols, data: new Float64Array(rows * cols).fill(Number.NaN) };
}

/** A matrix from rows of scores (null, undefined and NaN are missing); every row must have `cols` cells. */
export function scoreMatrixFromRows(rows: readonly (readonly (number | null | undefined)[])[], cols = rows[0]?.length ?? 0): ScoreMatrix {
  const matrix = emptyScoreMatrix(rows.length, cols);
  rows.forEach((row, r) => {
    if (row.length !== cols) throw new RangeError(`row ${r} has ${row.length} cells, not ${cols}`);
    row.forEach((value, c) => {
      if (value !== null && value !== undefined) matrix.data[c * rows.length + r] = value;
    });
  });
  return matrix;
}

/** One column as a view (no copy). */
export function matrixColumn(matrix: ScoreMatrix, column: number): Float64Array {
  if (!Number.isInteger(column) || column < 0 || column >= matrix.cols) throw new RangeError(`there is no column ${column}`);
  return matrix.data.subarray(column * matrix.rows, (column + 1) * matrix.rows);
}

/** The cell at a row and column (NaN when missing). */
export function matrixCell(matrix: ScoreMatrix, row: number, column: number): number {
  return matrix.data[column * matrix.rows + row]!;
}
