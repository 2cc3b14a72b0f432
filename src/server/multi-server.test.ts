import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Two servers and a worker, each a process of its own (`interdict serve`, `interdict worker`), on
 * one PostgreSQL database, as behind a load balancer: what is done through one server is seen
 * through the other. An embedded PGlite database belongs to one process, so this runs on a server.
 */
const serverUrl = process.env.TEST_DATABASE_URL;
if (!serverUrl)
  console.info(
    'two servers and a worker on one database: not run, no TEST_DATABASE_URL. An embedded (PGlite) ' +
      'database is held by one process, so several servers need a PostgreSQL server.',
  );

const ADMIN_PASSWORD = 'several-servers-admin-password';
const LOGINS_PER_MINUTE = 12;

const passengerList = (flight: string, day: string) =>
  [
    "UNA:+.? 'UNB+UNOA:4+JU+INTERDICT+180510:0900+1'UNH+1+PAXLST:D:05B:UN:IATA'BGM+745'",
    `TDT+20+${flight}+++JU'LOC+125+BEG'DTM+189:${day}1220:201'LOC+87+SJJ'DTM+232:${day}1320:201'`,
    "NAD+FL+++PETROVIC:DJORDJE'ATT+2++M'DTM+329:790412'NAT+2+SRB'DOC+P:110:111+008123456'LOC+91+SRB'",
    "CNT+42:1'UNT+8+1'UNZ+1+1'",
  ].join('');

interface Process {
  child: ChildProcess;
  output: string;
  folder: string;
}

/** Runs the command line as an operator does, and waits for the line that says it is up. */
function startCli(
  args: string[],
  env: Record<string, string>,
  ready: RegExp,
): Promise<Process & { match: RegExpMatchArray }> {
  const folder = mkdtempSync(join(tmpdir(), 'interdict-multi-'));
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !name.startsWith('AUDIT_') && !['DATABASE_URL', 'PORT', 'HOST', 'DATA_DIR'].includes(name),
    ),
  );
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], {
    env: { ...inherited, ...env, DATA_DIR: folder },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const started: Process = { child, output: '', folder };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${args.join(' ')} did not start:\n${started.output}`)),
      90_000,
    );
    const read = (chunk: Buffer) => {
      started.output += chunk.toString();
      const match = started.output.match(ready);
      if (match) {
        clearTimeout(timer);
        resolve({ ...started, match });
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${args.join(' ')} stopped (${code}):\n${started.output}`));
    });
  });
}

async function stop(running: Process | undefined): Promise<void> {
  if (!running) return;
  const { child } = running;
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  }
  rmSync(running.folder, { recursive: true, force: true });
}

type Headers = Record<string, string>;

describe.skipIf(!serverUrl)('two servers and a worker on one PostgreSQL database', () => {
  const name = `interdict_multi_${randomBytes(6).toString('hex')}`;
  let one: Process & { url: string };
  let two: Process & { url: string };
  let worker: Process | undefined;
  let databaseUrl: string;
  /** Sign-in requests sent from this address, through either server. */
  let logins = 0;

  const admin = async (): Promise<pg.Client> => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    return client;
  };

  const signIn = async (base: string, username: string, password: string) => {
    logins++;
    const response = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    const body = (await response.json()) as { csrfToken?: string; error?: { code: string } };
    const session = response.headers
      .getSetCookie()
      .map((cookie) => cookie.split(';')[0]!)
      .find((cookie) => cookie.startsWith('interdict_session='));
    return {
      status: response.status,
      code: body.error?.code,
      headers: session ? { cookie: session, 'x-csrf-token': body.csrfToken! } : undefined,
    };
  };

  const call = async (base: string, headers: Headers, method: string, path: string, body?: unknown) => {
    const text = typeof body === 'string';
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...headers,
        ...(body === undefined ? {} : { 'content-type': text ? 'text/plain' : 'application/json' }),
      },
      ...(body === undefined ? {} : { body: text ? body : JSON.stringify(body) }),
    });
    const json = (await response.json()) as Record<string, unknown>;
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  };

  beforeAll(async () => {
    const client = await admin();
    await client.query(`create database ${name}`);
    await client.end();
    const url = new URL(serverUrl!);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    const env = {
      DATABASE_URL: databaseUrl,
      AUDIT_KEY: 'several-servers-share-one-audit-key-0123456789',
      INTERDICT_ADMIN_PASSWORD: ADMIN_PASSWORD,
      LOGIN_ATTEMPTS_PER_MINUTE: String(LOGINS_PER_MINUTE),
      PNR_ACCEPT_EXPIRED: 'true',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: '0',
      // Screening only in the worker process: every hit is found in a process other than the servers.
      SCREENING_WORKERS: '0',
    };
    // Both servers start at once on an empty database: migrations and the first start race.
    const running = /Interdict is running at (http:\/\/\S+)/;
    const [first, second] = await Promise.allSettled([
      startCli(['serve'], env, running),
      startCli(['serve'], env, running),
    ]);
    if (first.status === 'fulfilled') one = { ...first.value, url: first.value.match[1]! };
    if (second.status === 'fulfilled') two = { ...second.value, url: second.value.match[1]! };
    if (first.status === 'rejected') throw first.reason;
    if (second.status === 'rejected') throw second.reason;
    worker = await startCli(['worker'], env, /screening worker \S+ started/);
  }, 180_000);

  afterAll(async () => {
    await Promise.all([stop(worker), stop(one), stop(two)]);
    const client = await admin();
    await client.query(`drop database if exists ${name} with (force)`);
    await client.end();
  }, 60_000);

  it('announces on one server the hit a worker found in a message uploaded through the other, and each sees the lists changed through the other', async () => {
    const [throughOne, throughTwo] = await Promise.all([
      signIn(one.url, 'admin', ADMIN_PASSWORD),
      signIn(two.url, 'admin', ADMIN_PASSWORD),
    ]);
    expect([throughOne.status, throughTwo.status]).toEqual([200, 200]);
    const headersOne = throughOne.headers!;
    const headersTwo = throughTwo.headers!;

    // The live queue open on the second server.
    const abort = new AbortController();
    const stream = await fetch(`${two.url}/api/v1/hits/stream`, {
      headers: headersTwo,
      signal: abort.signal,
    });
    const reader = stream.body!.getReader();
    const decoder = new TextDecoder();
    let events = '';
    const reading = (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          events += decoder.decode(value);
        }
      } catch {
        // aborted
      }
    })();
    const until = async (condition: () => boolean, what: string) => {
      const deadline = Date.now() + 30_000;
      while (!condition()) {
        if (Date.now() > deadline)
          throw new Error(`${what}; the stream had:\n${events}\nworker:\n${worker?.output}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    try {
      await until(() => events.includes('event: ready'), 'the stream never said ready');

      // A rule written and activated through the first server; a passenger list uploaded there.
      const rule = await call(one.url, headersOne, 'POST', '/api/v1/rules', {
        name: 'Serbian passport to Sarajevo',
        category: 'drugs',
        condition: {
          all: [
            { field: 'document.issuingState', operator: 'equals', value: 'RS' },
            { field: 'flight.destination', operator: 'equals', value: 'SJJ' },
          ],
        },
      });
      await call(one.url, headersOne, 'PATCH', `/api/v1/rules/${String(rule.id)}`, { state: 'active' });
      const uploaded = Date.now();
      await call(
        one.url,
        headersOne,
        'POST',
        '/api/v1/messages?filename=ju112.txt',
        passengerList('JU112', '180512'),
      );
      await until(
        () => /event: hits\ndata: \{"created":1,"noLongerMatching":0\}/.test(events),
        'no hit announced',
      );
      const announcedAfter = Date.now() - uploaded;
      const onTwo = (await call(two.url, headersTwo, 'GET', '/api/v1/hits')) as {
        items: { subjectName: string; source: string; flight: { flightNumber: string } }[];
      };
      expect(onTwo.items.map((hit) => [hit.subjectName, hit.source, hit.flight.flightNumber])).toEqual([
        ['DJORDJE PETROVIC', 'rule', '112'],
      ]);
      console.info(`the hit reached the other server's stream ${announcedAfter} ms after the upload`);

      // The worker built its name index on the first screening; an entry added through the second
      // server is screened against at the next message, which the worker takes.
      const list = await call(two.url, headersTwo, 'POST', '/api/v1/watchlists', {
        name: 'Couriers',
        kind: 'person',
      });
      await call(two.url, headersTwo, 'POST', `/api/v1/watchlists/${String(list.id)}/entries`, {
        primaryName: 'Đorđe Petrović',
        datesOfBirth: ['1979-04-12'],
        severity: 'high',
      });
      const before = events.split('event: hits').length;
      await call(
        one.url,
        headersOne,
        'POST',
        '/api/v1/messages?filename=ju114.txt',
        passengerList('JU114', '180520'),
      );
      await until(
        () => events.split('event: hits').length > before,
        'no hit announced for the second message',
      );
      const watchlistHits = (await call(one.url, headersOne, 'GET', '/api/v1/hits?source=watchlist')) as {
        items: { subjectName: string; flight: { flightNumber: string } }[];
      };
      expect(watchlistHits.items.map((hit) => [hit.subjectName, hit.flight.flightNumber])).toEqual([
        ['DJORDJE PETROVIC', '114'],
      ]);
    } finally {
      abort.abort();
      await reading;
    }
  }, 120_000);

  it('holds an account locked through one server on the other, and counts sign-ins per address across both', async () => {
    // A window of its own, whatever time the test before took.
    const database = new pg.Client({ connectionString: databaseUrl });
    await database.connect();
    await database.query('delete from rate_limit_counts');
    await database.end();
    logins = 0;
    // Five wrong passwords, through either server, lock the account on both.
    for (let attempt = 0; attempt < 5; attempt++) {
      const answer = await signIn(attempt % 2 === 0 ? one.url : two.url, 'someone', 'not the password');
      expect(answer.status).toBe(401);
    }
    for (const base of [two.url, one.url]) {
      const refused = await signIn(base, 'someone', 'not the password');
      expect([refused.status, refused.code]).toEqual([429, 'account_locked']);
    }

    // Every sign-in from this address counts towards one limit, whichever server answers it.
    const answers: { status: number; code?: string }[] = [];
    while (logins < LOGINS_PER_MINUTE + 2) {
      const base = logins % 2 === 0 ? one.url : two.url;
      answers.push(await signIn(base, `nobody${logins}`, 'not the password'));
    }
    const limited = answers.filter((answer) => answer.code === 'rate_limited');
    // The sign-ins before these were allowed; of these, the ones past the limit are refused on both servers.
    expect(answers.slice(0, -2).map((answer) => answer.status)).toEqual(answers.slice(0, -2).map(() => 401));
    expect(limited).toHaveLength(2);
    expect(answers.slice(-2).map((answer) => answer.status)).toEqual([429, 429]);
  }, 60_000);
});
