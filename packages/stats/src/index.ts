export * from './scoring.ts';
export * from './nudge.ts';
export * from './disclosure.ts';
export * from './score-matrix.ts';
export * from './survey-scoring.ts';
export * from './reliability.ts';
export * from './describe.ts';
