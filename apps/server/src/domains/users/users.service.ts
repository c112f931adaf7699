import { createHash, randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { hashPassword, type Db } from '@alongside/db';
import type {
  AcceptInvitationBodySchema,
  CreateInvitationBodySchema,
  CreateUserBodySchema,
  Invitation,
  Language,
  Role,
  User,
} from '@alongside/contracts';
import { adminOrganizationIds, memberOrganizationIds, structureScope, type Actor, type RequestOrigin } from '../../lib/actor.ts';
import { writeAudit } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../lib/errors.ts';
import type { Mailer } from '../../lib/mailer.ts';
import type { AuthService } from '../auth/auth.service.ts';
import * as structureRepo from '../structure/structure.repo.ts';
import * as policy from './users.policy.ts';
import * as repo from './users.repo.ts';

const INVITATION_DAYS = 7;

export interface UsersDeps {
  db: Db;
  clock: Clock;
  mailer: Mailer;
  auth: AuthService;
  publicUrl: string;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * The organizations whose people the actor administers, narrowed to one when asked.
 * Asking for an organization you cannot see is "not found"; one you see but do not administer is "forbidden".
 */
function administeredOrganizations(actor: Actor, organizationId: string | undefined): string[] | 'all' {
  if (organizationId) {
    if (policy.canAdministerPeople(actor, organizationId)) return [organizationId];
    if (memberOrganizationIds(actor).includes(organizationId)) throw forbidden();
    throw notFound('Organization');
  }
  if (actor.isPlatformAdmin) return 'all';
  const ids = adminOrganizationIds(actor);
  if (ids.length === 0) throw forbidden('Only organization administrators can see this.');
  return ids;
}

const toInvitation = (r: Awaited<ReturnType<typeof repo.findInvitations>>[number]): Invitation => ({
  ...r,
  role: r.role as Role,
  createdAt: r.createdAt.toISOString(),
  expiresAt: r.expiresAt.toISOString(),
  acceptedAt: r.acceptedAt?.toISOString() ?? null,
});

/** Who writes an account without a signed-in request behind it (the CLI), or the platform administrator who does. */
type AccountWriter = Actor | (RequestOrigin & { role: string });

/**
 * Accounts with a password: created by a platform administrator (HTTP) or the CLI (`alongside user create`), and
 * the CLI's password reset. One place hashes the password and writes the audit entry.
 */
export function createAccounts({ db }: { db: Db }) {
  return {
    async create(who: AccountWriter, body: { email: string; name: string; password: string; language: Language; isPlatformAdmin: boolean }): Promise<User> {
      if (await repo.findUserByEmail(db, body.email)) throw conflict('already_exists', 'An account with this email already exists.');
      const passwordHash = await hashPassword(body.password);
      return db.transaction(async (tx) => {
        const user = await repo.insertUser(tx, { email: body.email, name: body.name, passwordHash, language: body.language, isPlatformAdmin: body.isPlatformAdmin });
        await writeAudit(tx, who, { action: 'user.create', entityType: 'user', entityId: user.id, purpose: 'administration', details: { isPlatformAdmin: body.isPlatformAdmin } });
        return { id: user.id, email: user.email, name: user.name, language: body.language, isPlatformAdmin: user.isPlatformAdmin, createdAt: user.createdAt.toISOString(), roles: [] };
      });
    },

    /** Sets a new password, unlocks the account and ends its sessions. */
    async resetPassword(who: AccountWriter, email: string, password: string, at: Date): Promise<void> {
      const user = await repo.findUserByEmail(db, email);
      if (!user) throw notFound('Account');
      const passwordHash = await hashPassword(password);
      await db.transaction(async (tx) => {
        await repo.resetPassword(tx, user.id, passwordHash, at);
        await writeAudit(tx, who, { action: 'user.password_reset', entityType: 'user', entityId: user.id, purpose: 'administration' });
      });
    },
  };
}

/** Users, invitations and the mail outbox. */
export function createUsersService(deps: UsersDeps) {
  const { db, clock, mailer } = deps;
  const accounts = createAccounts({ db });

  async function findValidInvitation(token: string) {
    const found = await repo.findInvitationByTokenHash(db, hashToken(token));
    if (!found || found.invitation.acceptedAt) throw new AppError(404, 'not_found', 'This invitation link is not valid or has already been used.');
    if (found.invitation.expiresAt <= clock.now()) {
      throw new AppError(410, 'invitation_expired', 'This invitation has expired. Ask your administrator for a new one.');
    }
    return found;
  }

  return {
    async listUsers(actor: Actor, filter: { organizationId?: string }): Promise<User[]> {
      const rows = await repo.findUsers(db, administeredOrganizations(actor, filter.organizationId));
      return rows.map((u) => ({
        id: u.id,
        email: u.email,
        name: u.name,
        language: u.language as User['language'],
        isPlatformAdmin: u.isPlatformAdmin,
        createdAt: u.createdAt.toISOString(),
        roles: u.roles.map((r) => ({ ...r, role: r.role as Role })),
      }));
    },

    /** Creates an account with a password (platform administrators, and the CLI). */
    async createUser(actor: Actor, body: z.infer<typeof CreateUserBodySchema>) {
      if (!policy.canCreateUser(actor)) throw forbidden('Only platform administrators can create accounts directly; invite people instead.');
      return accounts.create(actor, body);
    },

    async listInvitations(actor: Actor, filter: { organizationId?: string }) {
      return (await repo.findInvitations(db, administeredOrganizations(actor, filter.organizationId))).map(toInvitation);
    },

    /** Invites someone to a role; the link goes by mail, or to the outbox when no SMTP is configured. */
    async createInvitation(actor: Actor, body: z.infer<typeof CreateInvitationBodySchema>) {
      const scope = structureScope(actor);
      const organization = await structureRepo.findOrganization(db, scope, body.organizationId);
      if (!organization) throw notFound('Organization');
      if (!policy.canAdministerPeople(actor, organization.id)) throw forbidden('Only organization administrators can invite people.');
      let teamName: string | null = null;
      if (body.teamId) {
        const team = await structureRepo.findTeam(db, scope, body.teamId);
        if (!team || team.organizationId !== organization.id) throw badRequest('teamId', 'is not a team of this organization');
        teamName = team.name;
      }
      const token = randomBytes(32).toString('base64url');
      const acceptUrl = `${deps.publicUrl}/invitations/${token}`;
      const now = clock.now();
      const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000);
      const { invitation, mailId } = await db.transaction(async (tx) => {
        const invitation = await repo.insertInvitation(tx, {
          tokenHash: hashToken(token),
          email: body.email,
          organizationId: organization.id,
          teamId: body.teamId ?? null,
          role: body.role,
          invitedBy: actor.userId,
          createdAt: now,
          expiresAt,
        });
        const where = teamName ? `${teamName}, ${organization.name}` : organization.name;
        const mailId = await mailer.queue(tx, {
          organizationId: organization.id,
          to: body.email,
          subject: `You are invited to join ${organization.name} on Alongside`,
          body:
            `${actor.name} has invited you to join ${where} on Alongside.\n\n` +
            `Open this link to set up your account (valid for ${INVITATION_DAYS} days):\n${acceptUrl}\n\n` +
            'If you did not expect this invitation, you can ignore this message.',
        });
        await writeAudit(tx, actor, {
          action: 'invitation.create',
          entityType: 'invitation',
          entityId: invitation.id,
          organizationId: organization.id,
          teamId: body.teamId,
          purpose: 'administration',
          details: { role: body.role, teamId: body.teamId ?? null },
        });
        return { invitation, mailId };
      });
      const delivery = await mailer.deliver(mailId);
      return {
        invitation: toInvitation({ ...invitation, teamName, invitedByName: actor.name }),
        acceptUrl,
        delivery,
      };
    },

    async previewInvitation(token: string) {
      const { invitation, organizationName, teamName } = await findValidInvitation(token);
      const existing = await repo.findUserByEmail(db, invitation.email);
      return {
        email: invitation.email,
        organizationName,
        teamName,
        role: invitation.role as Role,
        hasAccount: Boolean(existing),
        expiresAt: invitation.expiresAt.toISOString(),
      };
    },

    /**
     * Accepts an invitation: creates the account (or, for someone already signed in with the
     * invited email, adds the role) and signs them in.
     */
    async acceptInvitation(
      origin: RequestOrigin & { userAgent: string | undefined },
      token: string,
      body: z.infer<typeof AcceptInvitationBodySchema>,
      signedIn: Actor | undefined,
    ) {
      const { invitation } = await findValidInvitation(token);
      const existing = await repo.findUserByEmail(db, invitation.email);
      if (existing && signedIn?.userId !== existing.id) {
        throw conflict('account_exists', 'An account with this email already exists. Sign in with it first, then open the link again.');
      }
      const passwordHash = existing ? undefined : await hashPassword(body.password);
      const userId = await db.transaction(async (tx) => {
        const user = existing ?? (await repo.insertUser(tx, { email: invitation.email, name: body.name, passwordHash, language: body.language }));
        if (!(await repo.markInvitationAccepted(tx, invitation.id, user.id, clock.now()))) {
          throw new AppError(404, 'not_found', 'This invitation link is not valid or has already been used.');
        }
        await repo.insertMembership(tx, { userId: user.id, organizationId: invitation.organizationId, teamId: invitation.teamId, role: invitation.role });
        const who = { ...origin, userId: user.id, role: invitation.role };
        if (!existing) await writeAudit(tx, who, { action: 'user.create', entityType: 'user', entityId: user.id, organizationId: invitation.organizationId, purpose: 'invitation' });
        await writeAudit(tx, who, {
          action: 'invitation.accept',
          entityType: 'invitation',
          entityId: invitation.id,
          organizationId: invitation.organizationId,
          purpose: 'invitation',
          details: { role: invitation.role, teamId: invitation.teamId },
        });
        return user.id;
      });
      deps.auth.forgetSessions(userId);
      return deps.auth.startSession(userId, origin, 'auth.login');
    },

    async listOutbox(actor: Actor, filter: { organizationId?: string }) {
      const rows = await repo.findOutbox(db, administeredOrganizations(actor, filter.organizationId));
      return rows.map((m) => ({
        id: m.id,
        to: m.to,
        subject: m.subject,
        body: m.body,
        createdAt: m.createdAt.toISOString(),
        sentAt: m.sentAt?.toISOString() ?? null,
        error: m.error,
      }));
    },
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
