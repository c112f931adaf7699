// The few jStat functions packages/stats uses (the package ships no types; it is CommonJS: its default export is jStat).
declare module 'jstat' {
  const jStat: {
    studentt: { cdf(x: number, df: number): number; inv(p: number, df: number): number };
    normal: { inv(p: number, mean: number, sd: number): number };
    chisquare: { cdf(x: number, df: number): number };
  };
  export default jStat;
}
