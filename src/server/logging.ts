import { LogController, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import { PinoPretty } from 'pino-pretty';
import type { Config } from '../config.js';

/** Where the log lines go: standard output unless a test captures them. */
export type LogDestination = NodeJS.WritableStream;

/**
 * The server's logger: one line per event, as JSON for log collectors (LOG_FORMAT=json) or as
 * readable text for a terminal (the default). Credentials in request headers are never written.
 */
export function loggerOptions(
  config: Pick<Config, 'LOG_LEVEL' | 'LOG_FORMAT'>,
  destination: LogDestination = process.stdout,
): Pick<FastifyServerOptions, 'logger' | 'logController'> {
  if (config.LOG_LEVEL === 'silent') return { logger: false };
  const toTerminal = destination === process.stdout;
  return {
    logger: {
      level: config.LOG_LEVEL,
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      stream:
        config.LOG_FORMAT === 'json'
          ? destination
          : PinoPretty({
              destination,
              colorize: toTerminal && Boolean(process.stdout.isTTY),
              translateTime: 'SYS:yyyy-mm-dd HH:MM:ss.l',
              // A request's line says it all in its message; the fields stay in the JSON format.
              ignore: 'pid,hostname,method,url,statusCode,responseTime,reqId',
              messageFormat: '{msg}{if reqId} · request {reqId}{end}',
              // Written at once, so that the lines of a crash are not lost in a buffer.
              sync: true,
            }),
    },
    logController: new RequestLogController(),
  };
}

/**
 * One debug line per request (method, path, status, time) instead of Fastify's two info lines
 * ("incoming request", "request completed"): a short session of the web UI makes thousands.
 * A request that fails keeps its level: the error handler logs server errors as errors, and a
 * response that breaks off is logged as an error here.
 */
class RequestLogController extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    if (error) {
      super.requestCompleted(error, request, reply);
      return;
    }
    const responseTime = Math.round(reply.elapsedTime * 10) / 10;
    const { method, url } = request;
    reply.log.debug(
      { method, url, statusCode: reply.statusCode, responseTime },
      `${method} ${url} ${reply.statusCode} ${responseTime} ms`,
    );
  }

  override routeNotFound(request: FastifyRequest): void {
    request.log.debug(`no route for ${request.method} ${request.url}`);
  }
}
