export * from './scoring.ts';
export * from './nudge.ts';
