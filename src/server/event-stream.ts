import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** How often a quiet stream sends a comment: load balancers close idle connections, often after 60 s. */
export const STREAM_KEEP_ALIVE_MS = 15_000;

/** One server-sent event stream, open until the reader goes or the server closes. */
export interface EventStream {
  send(event: string, data: unknown): void;
  /** Calls `onClose` when the stream ends (at once if it has ended). */
  onClose(onClose: () => void): void;
  readonly closed: boolean;
  end(): void;
}

/**
 * Opens server-sent event streams on hijacked replies: headers that keep proxies from buffering,
 * a keep-alive comment every `keepAliveMs`, and an end to every stream when the server closes, so
 * that a server being stopped (an upgrade, a scale-down) is not held open by its readers; their
 * browsers reconnect, through the load balancer, to a server still running.
 */
export function eventStreams(app: FastifyInstance, keepAliveMs = STREAM_KEEP_ALIVE_MS) {
  const open = new Set<EventStream>();
  app.addHook('preClose', async () => {
    for (const stream of open) stream.end();
  });
  return (request: FastifyRequest, reply: FastifyReply): EventStream => {
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    const closers: (() => void)[] = [];
    let closed = false;
    const write = (text: string) => {
      if (!closed && !raw.writableEnded) raw.write(text);
    };
    const keepAlive = setInterval(() => write(': keep-alive\n\n'), keepAliveMs);
    const stream: EventStream = {
      send: (event, data) => write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`),
      onClose: (onClose) => {
        if (closed) onClose();
        else closers.push(onClose);
      },
      get closed() {
        return closed;
      },
      end: () => {
        if (!raw.writableEnded) raw.end();
      },
    };
    raw.on('close', () => {
      closed = true;
      clearInterval(keepAlive);
      open.delete(stream);
      for (const onClose of closers.splice(0))
        try {
          onClose();
        } catch (error) {
          request.log.error({ err: error }, 'closing an event stream failed');
        }
    });
    open.add(stream);
    return stream;
  };
}
