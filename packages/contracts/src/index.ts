export * from './vocabulary.ts';
export * from './common.ts';
export * from './auth.ts';
export * from './structure.ts';
export * from './users.ts';
export * from './audit.ts';
export * from './practice.ts';
export * from './support.ts';
