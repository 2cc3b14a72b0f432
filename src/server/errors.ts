import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../errors.js';

/** The one place where errors become responses: `{ error: { code, message, details? } }`. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      if (error.headers) reply.headers(error.headers);
      return reply.status(error.status).send({
        error: {
          code: error.code,
          message: error.message,
          ...(error.details ? { details: error.details } : {}),
        },
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'request';
      const details = error.validation.map((issue) => ({
        path: `${where}${issue.instancePath.replace(/\//g, '.')}`,
        message: issue.message,
      }));
      const first = details[0];
      return reply.status(422).send({
        error: {
          code: 'invalid',
          message: first ? `${first.path}: ${first.message}` : 'The request is not valid',
          details,
        },
      });
    }
    const status = error.statusCode ?? 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed');
      return reply.status(status).send({
        error: { code: 'internal', message: `Something went wrong on the server (request ${request.id})` },
      });
    }
    const code =
      status === 429
        ? 'rate_limited'
        : status === 413
          ? 'too_large'
          : (error.code ?? 'bad_request').toLowerCase();
    return reply.status(status).send({ error: { code, message: error.message } });
  });

  app.setNotFoundHandler((request, reply) =>
    reply
      .status(404)
      .send({ error: { code: 'not_found', message: `No route ${request.method} ${request.url}` } }),
  );
}
