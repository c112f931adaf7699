import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const base = { SESSION_SECRET: 'a-test-secret-of-at-least-32-characters', DATA_DIR: '/nonexistent-alongside-test' };

describe('LOAD_SHED_*', () => {
  it('is on by default, leaving the values to the database’s defaults', () => {
    expect(loadConfig(base).loadShedding).toEqual({});
  });

  it('takes the values given', () => {
    const env = { ...base, LOAD_SHED_CONCURRENCY: '2', LOAD_SHED_QUEUE: '0', LOAD_SHED_MAX_WAIT_MS: '250' };
    expect(loadConfig(env).loadShedding).toEqual({ concurrency: 2, queue: 0, maxWaitMs: 250 });
  });

  it('is off with LOAD_SHED_CONCURRENCY=0', () => {
    expect(loadConfig({ ...base, LOAD_SHED_CONCURRENCY: '0' }).loadShedding).toBe(false);
  });

  it('refuses values that are not whole numbers in range', () => {
    expect(() => loadConfig({ ...base, LOAD_SHED_QUEUE: 'lots' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, LOAD_SHED_MAX_WAIT_MS: '0' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, LOAD_SHED_CONCURRENCY: '-1' })).toThrow(ConfigError);
  });
});
