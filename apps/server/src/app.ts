import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { findDemoLogins, isDatabaseReady, type Database } from '@alongside/db';
import type { Config, TrustProxy } from './config.ts';
import { systemClock, type Clock } from './lib/clock.ts';
import { createMailer, type Mailer } from './lib/mailer.ts';
import { registerAuth } from './plugins/auth.ts';
import { swaggerOptions } from './plugins/openapi.ts';
import { clientErrorHandler, frameworkErrors, registerErrorHandling } from './plugins/errors.ts';
import { DEFAULT_LOAD_SHEDDING, registerLoadShedding, type LoadSheddingOptions } from './plugins/load-shedding.ts';
import { loggerOptions } from './lib/logging.ts';
import { validatorCompiler } from './lib/validation.ts';
import { createAuthService } from './domains/auth/auth.service.ts';
import { authRoutes } from './domains/auth/auth.routes.ts';
import { createLoginLimiter } from './domains/auth/login-limiter.ts';
import { createStructureService, createTeamLookup } from './domains/structure/structure.service.ts';
import { structureRoutes } from './domains/structure/structure.routes.ts';
import { createUsersService } from './domains/users/users.service.ts';
import { usersRoutes } from './domains/users/users.routes.ts';
import { createAuditService } from './domains/audit/audit.service.ts';
import { auditRoutes } from './domains/audit/audit.routes.ts';
import { createPersonsService } from './domains/persons/persons.service.ts';
import { personsRoutes } from './domains/persons/persons.routes.ts';
import { createContactsService } from './domains/contacts/contacts.service.ts';
import { contactsRoutes } from './domains/contacts/contacts.routes.ts';
import { createVoiceItemsService } from './domains/voice-items/voice-items.service.ts';
import { voiceItemsRoutes } from './domains/voice-items/voice-items.routes.ts';
import { createConnectionsService } from './domains/connections/connections.service.ts';
import { connectionsRoutes } from './domains/connections/connections.routes.ts';
import { createHuddlesService } from './domains/huddles/huddles.service.ts';
import { huddlesRoutes } from './domains/huddles/huddles.routes.ts';
import { createStepAwaysService } from './domains/step-aways/step-aways.service.ts';
import { stepAwaysRoutes } from './domains/step-aways/step-aways.routes.ts';
import { createSupervisionService } from './domains/supervision/supervision.service.ts';
import { supervisionRoutes } from './domains/supervision/supervision.routes.ts';
import { createWorkloadService } from './domains/workload/workload.service.ts';
import { workloadRoutes } from './domains/workload/workload.routes.ts';
import { createSustainabilityService } from './domains/sustainability/sustainability.service.ts';
import { sustainabilityRoutes } from './domains/sustainability/sustainability.routes.ts';
import { createIndicatorsService } from './domains/indicators/indicators.service.ts';
import { indicatorsRoutes } from './domains/indicators/indicators.routes.ts';
import { createWellbeingService } from './domains/wellbeing/wellbeing.service.ts';
import { wellbeingRoutes } from './domains/wellbeing/wellbeing.routes.ts';
import { createInstrumentsService } from './domains/instruments/instruments.service.ts';
import { instrumentsRoutes } from './domains/instruments/instruments.routes.ts';
import { createCampaignsService } from './domains/campaigns/campaigns.service.ts';
import { analysesRoutes } from './domains/analyses/analyses.routes.ts';
import { studiesRoutes } from './domains/studies/studies.routes.ts';
import { createStudiesService } from './domains/studies/studies.service.ts';
import { createStudyCodes } from './domains/studies/study-codes.ts';
import { createStudySources } from './domains/studies/study-sources.ts';
import { createAnalysesService } from './domains/analyses/analyses.service.ts';
import { campaignsRoutes } from './domains/campaigns/campaigns.routes.ts';
import { createCampaignDataService } from './domains/campaigns/campaign-data.service.ts';
import { createRespondService } from './domains/campaigns/respond.service.ts';
import { respondRoutes } from './domains/campaigns/respond.routes.ts';
import { completionFlushJob, reminderJob, retentionJob } from './domains/campaigns/campaign-jobs.ts';
import { createJobRunner, type JobRunner } from './lib/jobs.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Background jobs (reminders, retention); `serve` starts the poller. */
    jobs: JobRunner;
  }
}

export type AppConfig = Pick<Config, 'sessionSecret' | 'publicUrl' | 'sessionIdleMinutes' | 'smtpUrl' | 'mailFrom' | 'webDist'> & {
  logLevel?: string;
  /** Proxies whose X-Forwarded-For is believed (default: none, the socket's address is the client's). */
  trustProxy?: TrustProxy;
  /** Where log lines go (default: standard output); tests capture them here. */
  logStream?: { write(line: string): void };
  /** Reuse a session read from the database for this long (default 2 s; 0 reads it on every request). */
  sessionCacheMs?: number;
  /** The API's admission gate: unset values follow the database's defaults (`DEFAULT_LOAD_SHEDDING`); false for none. */
  loadShedding?: Partial<LoadSheddingOptions> | false;
};

export interface AppDeps {
  database: Database;
  config: AppConfig;
  clock?: Clock;
  mailer?: Mailer;
}

/** TRUST_PROXY as Fastify takes it: a hop count becomes "trust this many hops nearest to us". */
const fastifyTrustProxy = (trust: TrustProxy) => (typeof trust === 'number' ? (_address: string, hop: number) => hop < trust : trust);

/** Builds the whole application without listening: used by the server, the CLI and the tests. */
export async function buildApp({ database, config, clock = systemClock, mailer }: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { ...loggerOptions(config.logLevel ?? 'info'), ...(config.logStream ? { stream: config.logStream } : {}) },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{8,64}$/.test(given) ? given : randomUUID();
    },
    trustProxy: fastifyTrustProxy(config.trustProxy ?? false),
    bodyLimit: 1024 * 1024,
    frameworkErrors,
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });
  registerErrorHandling(app, { serveWebApp: Boolean(config.webDist) });

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: config.publicUrl.startsWith('https://'),
  });

  await app.register(swagger, swaggerOptions());
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  // Before the session lookup: a request waiting for its turn has not touched the database yet.
  if (config.loadShedding !== false) registerLoadShedding(app, { ...DEFAULT_LOAD_SHEDDING[database.kind], ...config.loadShedding });

  const secureCookies = config.publicUrl.startsWith('https://');
  const limiter = createLoginLimiter({ maxFailures: 50, windowMs: 15 * 60_000 });
  const db = database.db;
  const auth = createAuthService({
    db,
    clock,
    limiter,
    sessionSecret: config.sessionSecret,
    sessionIdleMinutes: config.sessionIdleMinutes,
    sessionCacheMs: config.sessionCacheMs ?? 2000,
  });
  const theMailer = mailer ?? createMailer({ db, smtpUrl: config.smtpUrl, from: config.mailFrom });
  registerAuth(app, { auth, publicUrl: config.publicUrl });

  await app.register(authRoutes, { auth, secureCookies, findDemoLogins: () => findDemoLogins(database) });
  await app.register(structureRoutes, { structure: createStructureService({ db, onRolesChanged: auth.forgetSessions }) });
  await app.register(usersRoutes, { users: createUsersService({ db, clock, mailer: theMailer, auth, publicUrl: config.publicUrl }), secureCookies });
  await app.register(auditRoutes, { audit: createAuditService({ db }) });

  const teams = createTeamLookup({ db });
  const persons = createPersonsService({ db, teams });
  const connections = createConnectionsService({ db, clock, teams, persons });
  await app.register(personsRoutes, { persons });
  await app.register(contactsRoutes, { contacts: createContactsService({ db, clock, persons }) });
  await app.register(voiceItemsRoutes, { voiceItems: createVoiceItemsService({ db, clock, persons }) });
  await app.register(connectionsRoutes, { connections });
  const stepAways = createStepAwaysService({ db, clock, teams });
  await app.register(stepAwaysRoutes, { stepAways });
  await app.register(supervisionRoutes, { supervision: createSupervisionService({ db, clock }) });
  await app.register(workloadRoutes, { workload: createWorkloadService({ db, clock, teams }) });
  await app.register(sustainabilityRoutes, { sustainability: createSustainabilityService({ db, clock }) });
  await app.register(huddlesRoutes, { huddles: createHuddlesService({ db, clock, teams, connections, stepAways }) });
  await app.register(indicatorsRoutes, { indicators: createIndicatorsService({ db, clock }) });
  await app.register(wellbeingRoutes, { wellbeing: createWellbeingService({ db, clock, teams }) });
  await app.register(instrumentsRoutes, { instruments: createInstrumentsService({ db, clock }) });
  const campaigns = createCampaignsService({ db, clock, mailer: theMailer, publicUrl: config.publicUrl, secret: config.sessionSecret });
  const campaignData = createCampaignDataService({ db, clock, campaigns });
  await app.register(campaignsRoutes, { campaigns, data: campaignData });
  await app.register(analysesRoutes, { analyses: createAnalysesService({ db, clock, campaigns, data: campaignData }) });
  await app.register(studiesRoutes, { studies: createStudiesService({ db }), codes: createStudyCodes({ db }), sources: createStudySources({ db }) });
  await app.register(respondRoutes, { respond: createRespondService({ db, clock }) });

  // Reminders and retention deletes: run by `serve` (start), and by tests on their own clock (runDue).
  const jobs = createJobRunner({
    db,
    clock,
    handlers: {
      survey_reminders: reminderJob({ db, mailer: theMailer, publicUrl: config.publicUrl, secret: config.sessionSecret }),
      survey_retention: retentionJob({ db }),
      survey_completions_flush: completionFlushJob({ database }),
    },
    onError: (kind, code) => app.log.error({ job: kind, code }, 'job failed'),
  });
  app.decorate('jobs', jobs);
  app.addHook('onClose', () => jobs.stop());

  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    const ready = await isDatabaseReady(database);
    return reply.status(ready ? 200 : 503).send({ status: ready ? 'ready' : 'database unavailable', database: database.kind });
  });

  if (config.webDist) await app.register(fastifyStatic, { root: config.webDist, wildcard: false, index: 'index.html' });
  return app;
}
