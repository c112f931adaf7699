/**
 * Counts failed sign-ins per IP address in a sliding window. Generous on purpose: a hospital
 * often puts a whole ward behind one address, so this stops guessing, not colleagues.
 */
export interface LoginLimiter {
  /** Seconds until this address may try again, or 0. */
  retryAfter(ip: string, now: Date): number;
  recordFailure(ip: string, now: Date): void;
}

export function createLoginLimiter(options: { maxFailures: number; windowMs: number }): LoginLimiter {
  const failures = new Map<string, number[]>();
  const recent = (ip: string, now: Date) => {
    const since = now.getTime() - options.windowMs;
    const list = (failures.get(ip) ?? []).filter((t) => t > since);
    if (list.length === 0) failures.delete(ip);
    else failures.set(ip, list);
    return list;
  };
  return {
    retryAfter(ip, now) {
      const list = recent(ip, now);
      if (list.length < options.maxFailures) return 0;
      const oldest = list[list.length - options.maxFailures]!;
      return Math.max(1, Math.ceil((oldest + options.windowMs - now.getTime()) / 1000));
    },
    recordFailure(ip, now) {
      recent(ip, now);
      failures.set(ip, [...(failures.get(ip) ?? []), now.getTime()]);
    },
  };
}
