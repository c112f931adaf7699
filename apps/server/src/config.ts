import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { DbTarget } from '@alongside/db';
import type { LoadSheddingOptions } from './plugins/load-shedding.ts';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  sessionSecret: string;
  publicUrl: string;
  sessionIdleMinutes: number;
  smtpUrl: string | undefined;
  mailFrom: string;
  logLevel: string;
  /** Which proxies may set the client's address (X-Forwarded-For): none by default. */
  trustProxy: TrustProxy;
  /** Where the built web app is, when it is served by this process. */
  webDist: string | undefined;
  /** The API's admission gate (what is not given follows the database's defaults), or false for none. */
  loadShedding: Partial<LoadSheddingOptions> | false;
}

export class ConfigError extends Error {}

/** `false` (trust no proxy), a number of hops, or the proxies' addresses (IPs or CIDR ranges). */
export type TrustProxy = false | number | string[];

/** TRUST_PROXY: off unless set to a hop count (1 = the nearest proxy) or a comma-separated list of addresses. */
export function parseTrustProxy(raw: string | undefined): TrustProxy {
  const value = raw?.trim() ?? '';
  if (value === '' || value === 'false' || value === '0') return false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > 10) throw new ConfigError(`TRUST_PROXY must be a hop count from 0 to 10 or a list of addresses (got "${value}").`);
    return hops;
  }
  const addresses = value.split(',').map((a) => a.trim()).filter(Boolean);
  const address = /^(\d{1,3}(\.\d{1,3}){3}|[0-9a-f:]+)(\/\d{1,3})?$/i;
  const bad = addresses.find((a) => !address.test(a));
  if (bad !== undefined || addresses.length === 0) {
    throw new ConfigError(`TRUST_PROXY must be a hop count or a comma-separated list of IP addresses or CIDR ranges (got "${bad ?? value}").`);
  }
  return addresses;
}

function intFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number between ${min} and ${max} (got "${raw}").`);
  }
  return value;
}

/** LOAD_SHED_*: shedding is on by default and LOAD_SHED_CONCURRENCY=0 turns it off; unset values follow the database's defaults. */
function loadSheddingFromEnv(env: NodeJS.ProcessEnv): Partial<LoadSheddingOptions> | false {
  const optional = (name: string, min: number, max: number) => (env[name] ? intFromEnv(env, name, 0, min, max) : undefined);
  const concurrency = optional('LOAD_SHED_CONCURRENCY', 0, 10_000);
  if (concurrency === 0) return false;
  const options: Partial<LoadSheddingOptions> = {};
  if (concurrency !== undefined) options.concurrency = concurrency;
  const queue = optional('LOAD_SHED_QUEUE', 0, 100_000);
  if (queue !== undefined) options.queue = queue;
  const maxWaitMs = optional('LOAD_SHED_MAX_WAIT_MS', 1, 600_000);
  if (maxWaitMs !== undefined) options.maxWaitMs = maxWaitMs;
  return options;
}

/** The secret that keys session ids; generated once per data directory when not given. */
function sessionSecretFor(env: NodeJS.ProcessEnv, dataDir: string): string {
  const given = env.SESSION_SECRET;
  if (given) {
    if (given.length < 32) throw new ConfigError('SESSION_SECRET must be at least 32 characters.');
    return given;
  }
  const file = join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** Reads the configuration from the environment (see README). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = intFromEnv(env, 'PORT', 8080, 1, 65535);
  const dataDir = resolve(env.DATA_DIR ?? 'data');
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, '');
  try {
    new URL(publicUrl);
  } catch {
    throw new ConfigError(`PUBLIC_URL must be an absolute URL (got "${publicUrl}").`);
  }
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://.');
  }
  const webDist = resolve(import.meta.dirname, '../../web/dist');
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    databaseUrl,
    sessionSecret: sessionSecretFor(env, dataDir),
    publicUrl,
    sessionIdleMinutes: intFromEnv(env, 'SESSION_IDLE_MINUTES', 30, 1, 24 * 60),
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM ?? 'Alongside <no-reply@alongside.invalid>',
    logLevel: env.LOG_LEVEL ?? 'info',
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    webDist: existsSync(join(webDist, 'index.html')) ? webDist : undefined,
    loadShedding: loadSheddingFromEnv(env),
  };
}

/** Which database the configuration points at. */
export function dbTarget(config: Pick<Config, 'databaseUrl' | 'dataDir'>): DbTarget {
  return config.databaseUrl ? { url: config.databaseUrl } : { dir: config.dataDir };
}
