// The few jStat functions packages/stats uses (the package ships no types).
declare module 'jstat' {
  export const jStat: {
    studentt: { cdf(x: number, df: number): number; inv(p: number, df: number): number };
    normal: { inv(p: number, mean: number, sd: number): number };
    chisquare: { cdf(x: number, df: number): number };
  };
}
