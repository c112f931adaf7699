export * from './client.ts';
export * from './migrate.ts';
export * from './backup.ts';
export * from './dir-lock.ts';
export * as schema from './schema.ts';
export * from './passwords.ts';
export * from './seed/demo.ts';
export * from './seed/wellbeing-instrument.ts';
