import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { databaseTargets } from '../../test/database.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../../test/fixtures/edifact/paxlst/${name}`, import.meta.url));

function multipart(files: { name: string; content: Buffer }[]) {
  const boundary = '----interdict-upload-limits';
  const chunks = files.flatMap((file) => [
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    file.content,
    Buffer.from('\r\n'),
  ]);
  return {
    payload: Buffer.concat([...chunks, Buffer.from(`--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** UTF-16 of a text, little or big endian, with or without the byte order mark. */
function utf16(text: string, endian: 'le' | 'be', bom: boolean): Buffer {
  const little = Buffer.from(`${bom ? '\ufeff' : ''}${text}`, 'utf16le');
  return endian === 'le' ? little : little.swap16();
}

describe.each(databaseTargets)('what a received message may hold, on $name', (target) => {
  let t: TestApp;
  let headers: Record<string, string>;
  const post = (payload: Buffer, filename: string, as = headers) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/messages?filename=${filename}`,
      headers: { ...as, 'content-type': 'application/octet-stream' },
      payload,
    });
  const originalOf = async (id: string) => {
    const row = await t.services.database.db
      .selectFrom('messages')
      .select(['original', 'content'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return { original: row.original ? Buffer.from(row.original) : null, content: row.content };
  };
  const messageCount = async () =>
    (await t.app.inject({ method: 'GET', url: '/api/v1/messages', headers })).json().total as number;

  beforeAll(async () => {
    t = await createTestApp(await target.create(), { UPLOAD_MAX_FILES: '2', UPLOAD_MAX_TOTAL_MB: '0.05' });
    headers = await t.signIn();
  });
  afterAll(() => t.close());

  it('keeps a message holding NUL as received, rejected with the offset and the reason', async () => {
    const text = fixture('Test1.txt');
    const bytes = Buffer.concat([text.subarray(0, 120), Buffer.from([0]), text.subarray(120)]);
    const response = await post(bytes, 'nul.txt');
    expect(response.statusCode).toBe(201);
    const result = response.json();
    expect(result).toMatchObject({ status: 'rejected', format: 'PAXLST', travellers: 0 });
    expect(result.errors[0].message).toMatch(/^byte 0x00 at offset 120 \(line \d+, column \d+\): .*NUL/);
    const stored = await originalOf(result.id);
    expect(stored.original!.equals(bytes)).toBe(true);
    expect(stored.content).not.toContain('\0');
    const detail = (
      await t.app.inject({ method: 'GET', url: `/api/v1/messages/${result.id}`, headers })
    ).json();
    expect(detail).toMatchObject({ status: 'rejected', sizeBytes: bytes.length });
  });

  it('keeps random bytes as received, rejected', async () => {
    const bytes = randomBytes(4096);
    bytes[17] = 0;
    const response = await post(bytes, 'noise.bin');
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ status: 'rejected' });
    expect((await originalOf(response.json().id)).original!.equals(bytes)).toBe(true);
  });

  it('reads UTF-16 with or without the byte order mark, and keeps the received bytes', async () => {
    const text = fixture('Test1.txt').toString('utf8');
    for (const [endian, bom] of [
      ['le', true],
      ['be', true],
      ['le', false],
      ['be', false],
    ] as const) {
      const bytes = utf16(text, endian, bom);
      const response = await post(bytes, `utf16${endian}${bom ? '-bom' : ''}.txt`);
      expect(response.statusCode, `${endian} ${bom}`).toBe(201);
      expect(response.json(), `${endian} ${bom}`).toMatchObject({
        status: 'parsed',
        format: 'PAXLST',
        travellers: 8,
      });
      const stored = await originalOf(response.json().id);
      expect(stored.content).toBe(text);
      expect(stored.original!.equals(bytes)).toBe(true);
    }
    // UTF-8 as received needs no second copy.
    const plain = await post(fixture('Test1.txt'), 'utf8.txt');
    expect((await originalOf(plain.json().id)).original).toBeNull();
  });

  it('keeps a message with a 10 MB element, rejected with where the element is', async () => {
    // Random letters do not compress: stored in an index they would pass its row size many times.
    const name = Array.from(randomBytes(10 * 1024 * 1024), (byte) =>
      String.fromCharCode(65 + (byte % 26)),
    ).join('');
    const text = fixture('Test1.txt').toString('utf8');
    const bytes = Buffer.from(text.replace(/NAD\+FM\+\+\+[^:']*/, `NAD+FM+++${name}`));
    const response = await post(bytes, 'huge-name.txt');
    expect(response.statusCode).toBe(201);
    const result = response.json();
    expect(result).toMatchObject({ status: 'rejected', travellers: 0, flights: [] });
    expect(result.errors).toContainEqual(
      expect.objectContaining({
        tag: 'NAD',
        message: expect.stringMatching(
          /^NAD element 4, component 1 \(line \d+, column \d+\) is 10485760 characters long: no element may be longer than 512$/,
        ),
      }),
    );
    expect(result.errors[0].segment).toBeGreaterThan(1);
    const detail = (
      await t.app.inject({ method: 'GET', url: `/api/v1/messages/${result.id}`, headers })
    ).json();
    expect(detail).toMatchObject({ status: 'rejected', sizeBytes: bytes.length });
  });

  it('seals the received bytes of a PNR message with its text when the reservation is masked', async () => {
    const pnr = readFileSync(new URL('../../test/fixtures/edifact/pnrgov/pnrWithDoco.txt', import.meta.url));
    const bytes = utf16(pnr.toString('utf8'), 'le', true);
    const pushed = await post(bytes, 'pnr-utf16.txt');
    expect(pushed.json()).toMatchObject({ status: 'parsed', format: 'PNRGOV' });
    const run = await t.app.inject({
      method: 'POST',
      url: '/api/v1/retention/run',
      headers,
      payload: { asOf: '2018-12-13' },
    });
    expect(run.json()).toMatchObject({ messagesSealed: 1 });
    expect((await originalOf(pushed.json().id)).original).toBeNull();
    const sealed = await t.services.database.db
      .selectFrom('sealed_messages')
      .select('original')
      .where('message_id', '=', pushed.json().id)
      .executeTakeFirstOrThrow();
    expect(Buffer.from(sealed.original!).equals(bytes)).toBe(true);
  });

  it('answers a duplicate of another jurisdiction\'s message with "duplicate" only', async () => {
    const bytes = fixture('flight1.txt');
    const first = await post(bytes, 'flight1.txt');
    expect(first.statusCode).toBe(201);
    expect(first.json().travellers).toBeGreaterThan(0);

    const sameJurisdiction = await post(bytes, 'again.txt');
    expect(sameJurisdiction.statusCode).toBe(200);
    expect(sameJurisdiction.json()).toMatchObject({
      id: first.json().id,
      status: 'duplicate',
      flights: first.json().flights,
      travellers: first.json().travellers,
    });

    const serbia = await t.tokenFor('data-provider', 'RS-PIU');
    const foreign = await post(bytes, 'from-rs.txt', serbia);
    expect(foreign.statusCode).toBe(200);
    expect(foreign.json()).toEqual({
      id: '',
      filename: 'from-rs.txt',
      format: 'PAXLST',
      status: 'duplicate',
      errors: [],
      warnings: [],
      flights: [],
      travellers: 0,
      stored: [],
    });
  });

  it('refuses an upload of more files than UPLOAD_MAX_FILES with 413, storing none of them', async () => {
    const before = await messageCount();
    const upload = multipart(
      ['Test1.txt', 'Test3.txt', 'apisMessage.txt'].map((name) => ({ name, content: fixture(name) })),
    );
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/messages',
      headers: { ...headers, ...upload.headers },
      payload: upload.payload,
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error).toMatchObject({ code: 'too_large' });
    expect(response.json().error.message).toMatch(/more than 2 files.*UPLOAD_MAX_FILES/);
    expect(await messageCount()).toBe(before);
  });

  it('refuses an upload larger than UPLOAD_MAX_TOTAL_MB in all with 413, storing none of it', async () => {
    const before = await messageCount();
    // Each file is under the limit; together they pass it (0.05 MB, 52,428 bytes).
    const filler = (seed: string) => Buffer.from(`${seed}\n${'A'.repeat(30_000)}`);
    const upload = multipart([
      { name: 'one.txt', content: filler('one') },
      { name: 'two.txt', content: filler('two') },
    ]);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/messages',
      headers: { ...headers, ...upload.headers },
      payload: upload.payload,
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.message).toMatch(/larger than 0\.05 MB in all.*UPLOAD_MAX_TOTAL_MB/);
    expect(await messageCount()).toBe(before);

    const within = multipart([{ name: 'one.txt', content: filler('one') }]);
    const accepted = await t.app.inject({
      method: 'POST',
      url: '/api/v1/messages',
      headers: { ...headers, ...within.headers },
      payload: within.payload,
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().results).toHaveLength(1);
    expect(await messageCount()).toBe(before + 1);
  });
});
