import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { eventStreams, type EventStream } from './event-stream.js';

async function streamingServer(keepAliveMs: number) {
  const app = Fastify({ logger: false });
  const openStream = eventStreams(app, keepAliveMs);
  const streams: EventStream[] = [];
  const closed: number[] = [];
  app.get('/stream', async (request, reply) => {
    const stream = openStream(request, reply);
    const index = streams.push(stream) - 1;
    stream.onClose(() => closed.push(index));
    stream.send('ready', { index });
  });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, address, streams, closed };
}

/** Reads a stream's text until it ends or `until` holds. */
async function read(response: Response, until: (text: string) => boolean = () => false) {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return { text, ended: true, reader };
    text += decoder.decode(value);
    if (until(text)) return { text, ended: false, reader };
  }
}

describe('server-sent event streams', () => {
  it('sends events and keep-alive comments with headers that keep proxies from buffering', async () => {
    const { app, address, streams } = await streamingServer(50);
    try {
      const response = await fetch(`${address}/stream`);
      expect(response.headers.get('content-type')).toBe('text/event-stream');
      expect(response.headers.get('x-accel-buffering')).toBe('no');
      const first = await read(response, (text) => text.includes('event: ready'));
      expect(first.text).toBe('event: ready\ndata: {"index":0}\n\n');
      streams[0]!.send('hits', { created: 2 });
      let text = '';
      const decoder = new TextDecoder();
      while (!text.includes(': keep-alive')) text += decoder.decode((await first.reader.read()).value);
      expect(text).toContain('event: hits\ndata: {"created":2}\n\n');
      await first.reader.cancel();
    } finally {
      await app.close();
    }
  });

  it('tells the route when the reader goes', async () => {
    const { app, address, streams, closed } = await streamingServer(60_000);
    try {
      const abort = new AbortController();
      const response = await fetch(`${address}/stream`, { signal: abort.signal });
      await read(response, (text) => text.includes('event: ready'));
      abort.abort();
      const deadline = Date.now() + 2_000;
      while (closed.length === 0 && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 10));
      expect(closed).toEqual([0]);
      expect(streams[0]!.closed).toBe(true);
      const late: string[] = [];
      streams[0]!.onClose(() => late.push('at once'));
      expect(late).toEqual(['at once']);
    } finally {
      await app.close();
    }
  });

  it('ends every open stream when the server closes, so that open readers do not hold it', async () => {
    const { app, address, closed } = await streamingServer(60_000);
    const responses = await Promise.all([fetch(`${address}/stream`), fetch(`${address}/stream`)]);
    const readers = responses.map((response) => read(response));
    const started = Date.now();
    await app.close();
    expect(Date.now() - started).toBeLessThan(5_000);
    const results = await Promise.all(readers);
    expect(results.map((result) => result.ended)).toEqual([true, true]);
    expect(closed.sort()).toEqual([0, 1]);
  });
});
