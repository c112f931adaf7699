import { describe, expect, it } from 'vitest';
import { createLoginLimiter } from './login-limiter.ts';

describe('login limiter', () => {
  const t0 = new Date('2026-01-01T00:00:00Z');
  const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

  it('allows attempts until the limit, then says how long to wait', () => {
    const limiter = createLoginLimiter({ maxFailures: 3, windowMs: 60_000 });
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfter('a', at(i))).toBe(0);
      limiter.recordFailure('a', at(i));
    }
    expect(limiter.retryAfter('a', at(3))).toBe(57);
    expect(limiter.retryAfter('b', at(3))).toBe(0);
  });

  it('forgets failures older than the window', () => {
    const limiter = createLoginLimiter({ maxFailures: 2, windowMs: 10_000 });
    limiter.recordFailure('a', at(0));
    limiter.recordFailure('a', at(1));
    expect(limiter.retryAfter('a', at(5))).toBeGreaterThan(0);
    expect(limiter.retryAfter('a', at(11))).toBe(0);
  });
});
