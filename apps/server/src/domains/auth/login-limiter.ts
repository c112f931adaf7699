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

/**
 * The account lock, kept for email addresses that have no account: the same count of failures locks them for the
 * same time, so a sign-in answers a known and an unknown email alike (no user enumeration through the lockout).
 * Kept in memory, bounded: when full, the entry touched longest ago is forgotten.
 */
export interface PhantomLocks {
  /** When the lock on this address ends, if it is locked now. */
  lockedUntil(email: string, now: Date): Date | null;
  /** Counts a failure; returns the new lock's end when this failure locks the address. */
  recordFailure(email: string, now: Date): Date | null;
}

export function createPhantomLocks(options: { lockAfter: number; lockMs: number; maxEntries?: number }): PhantomLocks {
  const entries = new Map<string, { failures: number; lockedUntil: number }>();
  const maxEntries = options.maxEntries ?? 100_000;
  return {
    lockedUntil(email, now) {
      const entry = entries.get(email);
      return entry && entry.lockedUntil > now.getTime() ? new Date(entry.lockedUntil) : null;
    },
    recordFailure(email, now) {
      const entry = entries.get(email) ?? { failures: 0, lockedUntil: 0 };
      entries.delete(email);
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
      entry.failures += 1;
      let locked: Date | null = null;
      if (entry.failures >= options.lockAfter) {
        entry.failures = 0;
        entry.lockedUntil = now.getTime() + options.lockMs;
        locked = new Date(entry.lockedUntil);
      }
      entries.set(email, entry);
      return locked;
    },
  };
}
