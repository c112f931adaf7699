export * from './scoring.ts';
export * from './nudge.ts';
export * from './disclosure.ts';
export * from './describe.ts';
