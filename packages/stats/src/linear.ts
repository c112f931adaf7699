import { CholeskyDecomposition, Matrix } from 'ml-matrix';

// Small dense linear algebra on number[][] for the models (p is at most a few dozen).

/**
 * The inverse and log-determinant of a symmetric positive definite matrix, or the index of the first pivot that is
 * (nearly) zero: that column is (nearly) a linear combination of the ones before it.
 */
export function choleskyInverse(matrix: number[][]): { inverse: number[][]; logDet: number } | { degenerateAt: number } {
  const p = matrix.length;
  const symmetric = matrix.map((row, i) => row.map((value, k) => (k < i ? matrix[k]![i]! : value)));
  const cholesky = new CholeskyDecomposition(new Matrix(symmetric));
  const lower = cholesky.lowerTriangularMatrix;
  const tiny = (i: number) => !(lower.get(i, i) ** 2 > 1e-10 * Math.max(1, symmetric[i]![i]!));
  const degenerateAt = Array.from({ length: p }, (_, i) => i).find(tiny);
  if (!cholesky.isPositiveDefinite() || degenerateAt !== undefined) return { degenerateAt: degenerateAt ?? p - 1 };
  let logDet = 0;
  for (let i = 0; i < p; i++) logDet += 2 * Math.log(lower.get(i, i));
  return { inverse: cholesky.solve(Matrix.eye(p)).to2DArray(), logDet };
}

export function multiply(a: readonly (readonly number[])[], b: readonly (readonly number[])[]): number[][] {
  return a.map((row) => b[0]!.map((_, c) => row.reduce((sum, x, k) => sum + x * b[k]![c]!, 0)));
}

export function multiplyVector(matrix: readonly (readonly number[])[], v: readonly number[]): number[] {
  return matrix.map((row) => row.reduce((sum, a, k) => sum + a * v[k]!, 0));
}

/** v'Mv. */
export function quadraticForm(matrix: readonly (readonly number[])[], v: readonly number[]): number {
  return v.reduce((sum, vi, i) => sum + vi * matrix[i]!.reduce((inner, a, k) => inner + a * v[k]!, 0), 0);
}

/** X'X and X'y of rows x with responses y. */
export function crossProducts(x: readonly (readonly number[])[], y: readonly number[]): { xtx: number[][]; xty: number[] } {
  const p = x[0]?.length ?? 0;
  const xtx = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  const xty = new Array<number>(p).fill(0);
  x.forEach((row, r) => {
    for (let i = 0; i < p; i++) {
      xty[i]! += row[i]! * y[r]!;
      for (let k = i; k < p; k++) xtx[i]![k]! += row[i]! * row[k]!;
    }
  });
  for (let i = 0; i < p; i++) for (let k = 0; k < i; k++) xtx[i]![k] = xtx[k]![i]!;
  return { xtx, xty };
}
