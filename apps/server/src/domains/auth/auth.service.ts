import { createHmac, randomBytes } from 'node:crypto';
import { hashPassword, verifyPassword, type Db } from '@alongside/db';
import type { Language, Me } from '@alongside/contracts';
import type { Actor, RequestOrigin } from '../../lib/actor.ts';
import { writeAudit } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import * as repo from './auth.repo.ts';
import { createPhantomLocks, type LoginLimiter } from './login-limiter.ts';

export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MINUTES = 15;
/** Absolute session lifetime, whatever the activity. */
const SESSION_MAX_HOURS = 12;

// A real argon2id hash of a random string, so unknown emails cost the same time as known ones.
let dummyHash: Promise<string> | undefined;

export interface AuthDeps {
  db: Db;
  clock: Clock;
  limiter: LoginLimiter;
  sessionSecret: string;
  sessionIdleMinutes: number;
  /**
   * How long a session read from the database may be reused (0: always read). This process forgets a session at
   * once when it ends or its user's roles change; another server process sharing the database may notice up to
   * this much later.
   */
  sessionCacheMs: number;
}

const SESSION_CACHE_LIMIT = 10_000;

export const invalidCredentials = () =>
  new AppError(401, 'invalid_credentials', 'The email or password is not right.');

const tooManyAttempts = (seconds: number, scope: 'account' | 'address') =>
  new AppError(
    429,
    'too_many_attempts',
    `Too many failed sign-ins from this ${scope}. Try again in ${Math.ceil(seconds / 60)} minute(s), or ask an administrator to reset your password.`,
    [],
    seconds,
  );

/** Sign-in, sessions and passwords. */
export function createAuthService(deps: AuthDeps) {
  const { db, clock } = deps;
  const recent = new Map<string, { found: repo.SessionContext; readAt: number }>();
  const phantomLocks = createPhantomLocks({ lockAfter: LOCK_AFTER_FAILURES, lockMs: LOCK_MINUTES * 60_000 });

  /** The session as read from the database, or from this process's short-lived cache. */
  async function readSession(id: string, now: number): Promise<repo.SessionContext | undefined> {
    const hit = recent.get(id);
    if (hit && now - hit.readAt < deps.sessionCacheMs) return hit.found;
    const found = await repo.findSessionContext(db, id);
    if (found && deps.sessionCacheMs > 0) {
      if (recent.size >= SESSION_CACHE_LIMIT) recent.clear();
      recent.set(id, { found, readAt: now });
    } else recent.delete(id);
    return found;
  }

  /** Forgets cached sessions: of one user (their roles or sessions changed), or all. */
  function forgetSessions(userId?: string) {
    if (!userId) return recent.clear();
    for (const [id, entry] of recent) if (entry.found.user.id === userId) recent.delete(id);
  }
  const sessionId = (token: string) => createHmac('sha256', deps.sessionSecret).update(token).digest('hex');

  async function buildMe(userId: string, csrfToken: string): Promise<Me> {
    const user = await repo.findUserById(db, userId);
    if (!user) throw new AppError(401, 'unauthenticated', 'Please sign in.');
    const language = user.language as Language;
    return {
      user: { id: user.id, email: user.email, name: user.name, language, isPlatformAdmin: user.isPlatformAdmin },
      memberships: await repo.findMemberships(db, userId),
      language,
      csrfToken,
      sessionIdleMinutes: deps.sessionIdleMinutes,
    };
  }

  /** Opens a session for a user who has just proved who they are. */
  async function startSession(userId: string, origin: RequestOrigin & { userAgent: string | undefined }, action: 'auth.login') {
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const now = clock.now();
    await db.transaction(async (tx) => {
      await repo.insertSession(tx, {
        id: sessionId(token),
        userId,
        csrfToken,
        createdAt: now,
        lastSeenAt: now,
        ip: origin.ip,
        userAgent: origin.userAgent?.slice(0, 300),
      });
      await writeAudit(tx, { ...origin, userId }, { action, entityType: 'user', entityId: userId, purpose: 'authentication' });
    });
    return { token, me: await buildMe(userId, csrfToken) };
  }

  return {
    /** Checks the password and opens a session; locks the account after repeated failures. */
    async login(origin: RequestOrigin & { userAgent: string | undefined }, body: { email: string; password: string }) {
      const now = clock.now();
      const ipWait = deps.limiter.retryAfter(origin.ip, now);
      if (ipWait > 0) throw tooManyAttempts(ipWait, 'address');
      const user = await repo.findUserByEmail(db, body.email);
      // An unknown email is locked like an account, so the answers never tell which emails have one.
      const lockedUntil = user ? user.lockedUntil : phantomLocks.lockedUntil(body.email, now);
      if (lockedUntil && lockedUntil > now) {
        throw tooManyAttempts(Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000), 'account');
      }
      const ok = user?.passwordHash
        ? await verifyPassword(user.passwordHash, body.password)
        : await verifyPassword(await (dummyHash ??= hashPassword(randomBytes(16).toString('hex'))), body.password);
      if (!user || !ok) {
        deps.limiter.recordFailure(origin.ip, now);
        let lockedNow: Date | null = user ? null : phantomLocks.recordFailure(body.email, now);
        await db.transaction(async (tx) => {
          if (user) lockedNow = await repo.recordFailedLogin(tx, user.id, LOCK_AFTER_FAILURES, new Date(now.getTime() + LOCK_MINUTES * 60_000));
          await writeAudit(tx, { ...origin, userId: user?.id }, {
            action: 'auth.login_failed',
            entityType: 'user',
            entityId: user?.id ?? null,
            purpose: 'authentication',
            details: { reason: user ? 'wrong_password' : 'unknown_email' },
          });
        });
        if (lockedNow && lockedNow > now) throw tooManyAttempts(LOCK_MINUTES * 60, 'account');
        throw invalidCredentials();
      }
      await repo.clearFailedLogins(db, user.id);
      return startSession(user.id, origin, 'auth.login');
    },

    startSession,


    /** Finds the session behind a cookie; expires it after inactivity. */
    async resolveSession(token: string) {
      const id = sessionId(token);
      const now = clock.now();
      const found = await readSession(id, now.getTime());
      if (!found) return { status: 'missing' as const };
      const idleMs = now.getTime() - found.session.lastSeenAt.getTime();
      const ageMs = now.getTime() - found.session.createdAt.getTime();
      if (idleMs > deps.sessionIdleMinutes * 60_000 || ageMs > SESSION_MAX_HOURS * 3_600_000) {
        recent.delete(id);
        await repo.deleteSession(db, id);
        return { status: 'expired' as const };
      }
      // Writing on every request would double the load; a minute's precision is plenty for expiry.
      if (idleMs > 60_000) {
        await repo.touchSession(db, id, now);
        found.session.lastSeenAt = now;
      }
      return { status: 'ok' as const, ...found };
    },

    forgetSessions,

    async logout(actor: Actor) {
      recent.delete(actor.sessionId);
      await db.transaction(async (tx) => {
        await repo.deleteSession(tx, actor.sessionId);
        await writeAudit(tx, actor, { action: 'auth.logout', entityType: 'user', entityId: actor.userId, purpose: 'authentication' });
      });
    },

    async me(actor: Actor, csrfToken: string) {
      return buildMe(actor.userId, csrfToken);
    },

    /** Changes the actor's own password and signs out their other sessions. */
    async changePassword(actor: Actor, body: { currentPassword: string; newPassword: string }) {
      const user = await repo.findUserById(db, actor.userId);
      if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, body.currentPassword))) {
        throw new AppError(400, 'validation_failed', 'currentPassword: is not right', [
          { field: 'currentPassword', message: 'is not right' },
        ]);
      }
      const passwordHash = await hashPassword(body.newPassword);
      await db.transaction(async (tx) => {
        await repo.updatePassword(tx, actor.userId, passwordHash, clock.now());
        await repo.deleteOtherSessions(tx, actor.userId, actor.sessionId);
        await writeAudit(tx, actor, { action: 'user.password_change', entityType: 'user', entityId: actor.userId, purpose: 'account' });
      });
      forgetSessions(actor.userId);
    },

    async updateProfile(actor: Actor, patch: { language?: Language; name?: string }, csrfToken: string) {
      await db.transaction(async (tx) => {
        await repo.updateProfile(tx, actor.userId, patch);
        await writeAudit(tx, actor, {
          action: 'user.profile_update',
          entityType: 'user',
          entityId: actor.userId,
          purpose: 'account',
          details: { fields: Object.keys(patch) },
        });
      });
      forgetSessions(actor.userId);
      return buildMe(actor.userId, csrfToken);
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
