// Acceptance: a crash (SIGKILL) while the server acknowledges writes loses none of them, on
// PGlite and on PostgreSQL; and a second process on the same PGlite directory is refused cleanly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORG_ADMIN, DEMO_PASSWORD, freshTarget, runCli, signIn, startServer, type ApiSession, type StartedServer, type TestTarget } from '../support/server.ts';

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const WRITERS = 4;
const WRITE_FOR_MS = 1_500;

let target: TestTarget;
let server: StartedServer | undefined;

/** The server on this file's data, started when none is running (each test can run alone). */
async function runningServer(): Promise<StartedServer> {
  if (server && server.process.exitCode === null && server.process.signalCode === null) return server;
  server = await startServer({ dataDir: target.dataDir, env: target.env });
  return server;
}

async function firstProgram(api: ApiSession): Promise<{ organizationId: string; programId: string }> {
  const organizations = (await (await api.get('/api/organizations')).json()) as { id: string }[];
  const organizationId = organizations[0]!.id;
  const programs = (await (await api.get(`/api/programs?organizationId=${organizationId}`)).json()) as { id: string }[];
  return { organizationId, programId: programs[0]!.id };
}

async function teamNames(api: ApiSession, programId: string): Promise<string[]> {
  const response = await api.get(`/api/teams?programId=${programId}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { name: string }[]).map((t) => t.name);
}

beforeAll(async () => {
  target = await freshTarget();
});

afterAll(async () => {
  await server?.stop();
  await target.cleanup();
});

describe(`durability (${onPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('keeps every acknowledged write when the server is killed (SIGKILL) mid-write', async () => {
    const first = await runningServer();
    const api = await signIn(first.url, DEMO_ORG_ADMIN, DEMO_PASSWORD);
    const { programId } = await firstProgram(api);
    const run = `crash-${Date.now().toString(36)}`;

    const acknowledged: string[] = [];
    const inFlight = new Set<string>();
    const otherAnswers: string[] = [];
    let stopWriting = false;
    const writer = async (w: number) => {
      for (let i = 0; !stopWriting; i++) {
        const name = `${run} w${w} #${i}`;
        inFlight.add(name);
        try {
          const response = await api.post('/api/teams', { programId, name });
          if (response.status === 201) acknowledged.push(name);
          else otherAnswers.push(`${response.status} ${await response.text()}`);
          inFlight.delete(name);
        } catch {
          // The connection died with the server: the write may or may not have landed.
          return;
        }
      }
    };
    const writers = Array.from({ length: WRITERS }, (_, w) => writer(w));
    await new Promise((resolve) => setTimeout(resolve, WRITE_FOR_MS));
    const pendingAtKill = inFlight.size;
    await first.kill();
    stopWriting = true;
    await Promise.all(writers);

    expect(otherAnswers).toEqual([]);
    expect(pendingAtKill, 'requests were in flight when the server was killed').toBeGreaterThan(0);
    expect(acknowledged.length, 'the server acknowledged some writes before it was killed').toBeGreaterThan(5);

    const second = await runningServer();
    const again = await signIn(second.url, DEMO_ORG_ADMIN, DEMO_PASSWORD);
    const names = await teamNames(again, programId);
    const mine = names.filter((n) => n.startsWith(run));
    const missing = acknowledged.filter((n) => !mine.includes(n));
    expect(missing, `${missing.length} of ${acknowledged.length} acknowledged writes are missing`).toEqual([]);
    // Anything else that landed can only be a write that was in flight at the kill.
    expect(mine.filter((n) => !acknowledged.includes(n) && !inFlight.has(n))).toEqual([]);
    expect(new Set(mine).size).toBe(mine.length);
  });

  it.skipIf(onPostgres)('refuses a second process on the same PGlite directory without harming it', async () => {
    const live = await runningServer();
    const second = await runCli(['migrate'], { env: target.env });
    expect(second.code).not.toBe(0);
    expect(second.stderr).toMatch(/in use/i);
    expect(second.stderr).toContain(target.dataDir);

    // The running server is unaffected…
    const api = await signIn(live.url, DEMO_ORG_ADMIN, DEMO_PASSWORD);
    const { programId } = await firstProgram(api);
    const created = await api.post('/api/teams', { programId, name: `after-refusal-${Date.now().toString(36)}` });
    expect(created.status).toBe(201);

    // …and once it has stopped, the directory opens fine.
    await live.stop();
    const afterwards = await runCli(['migrate'], { env: target.env });
    expect(afterwards.code).toBe(0);
    expect(afterwards.stdout).toMatch(/Up to date/);
  });
});
