import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../errors.js';

/**
 * One problem of a refused request, for the form that sent it: the field it concerns as a dotted
 * path from the body's top (`to`, `documents.0.number`; `''` for the request as a whole) and what
 * is wrong with it in words ("a back-test covers at most a year"). `in` names the query or the
 * path parameters when the field is not in the body.
 */
export interface FieldProblem {
  field: string;
  message: string;
  in?: 'query' | 'params' | 'headers';
}

const contexts: Record<string, FieldProblem['in']> = {
  querystring: 'query',
  params: 'params',
  headers: 'headers',
};

const fieldOf = (path: readonly PropertyKey[]) => path.map(String).join('.');

/**
 * The problems of a validation error's details, whatever made them: zod issues (a path as an
 * array), rule issues (a path as a string), `{ field }` of a service. Anything else (an import
 * report, a lock's time) is not a list of problems and is left as it is.
 */
export function fieldProblems(details: unknown, message: string): FieldProblem[] | undefined {
  if (Array.isArray(details)) {
    const perItem = details.map((item: unknown): FieldProblem[] | null => {
      if (typeof item !== 'object' || item === null) return null;
      const issue = item as {
        path?: unknown;
        field?: unknown;
        message?: unknown;
        code?: unknown;
        keys?: unknown;
      };
      const text = typeof issue.message === 'string' ? issue.message : message;
      // An unknown key is a problem of that key, not of the object holding it.
      if (issue.code === 'unrecognized_keys' && Array.isArray(issue.keys) && Array.isArray(issue.path))
        return issue.keys.map((key) => ({
          field: fieldOf([...(issue.path as PropertyKey[]), key as string]),
          message: 'is not a field this accepts',
        }));
      if (Array.isArray(issue.path)) return [{ field: fieldOf(issue.path as PropertyKey[]), message: text }];
      if (typeof issue.path === 'string') return [{ field: issue.path, message: text }];
      if (typeof issue.field === 'string') return [{ field: issue.field, message: text }];
      return null;
    });
    return perItem.every((problems) => problems !== null) ? (perItem.flat() as FieldProblem[]) : undefined;
  }
  if (typeof details === 'object' && details !== null) {
    const keys = Object.keys(details);
    const field = (details as { field?: unknown }).field;
    if (keys.length === 1 && typeof field === 'string') return [{ field, message }];
  }
  return undefined;
}

/** "to: a back-test covers at most a year; name: is required" — what an API client reads. */
function summary(problems: FieldProblem[]): string {
  const shown = problems.slice(0, 3).map((problem) => {
    const where = problem.field ? `${problem.field}${problem.in ? ` (in the ${problem.in})` : ''}: ` : '';
    return `${where}${problem.message}`;
  });
  const more = problems.length > 3 ? `; and ${problems.length - 3} more` : '';
  return `${shown.join('; ')}${more}`;
}

/** The one place where errors become responses: `{ error: { code, message, details? } }`. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      if (error.headers) reply.headers(error.headers);
      const problems = error.code === 'invalid' ? fieldProblems(error.details, error.message) : undefined;
      const details = problems ?? error.details;
      return reply.status(error.status).send({
        error: {
          code: error.code,
          message: error.message,
          ...(details !== undefined ? { details } : {}),
        },
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = contexts[error.validationContext ?? 'body'];
      const details: FieldProblem[] = error.validation.flatMap((issue) => {
        const path = issue.instancePath.split('/').filter(Boolean);
        const keys = (issue.params as { keys?: unknown }).keys;
        const problems: FieldProblem[] =
          issue.keyword === 'unrecognized_keys' && Array.isArray(keys)
            ? keys.map((key) => ({
                field: [...path, String(key)].join('.'),
                message: 'is not a field this accepts',
              }))
            : [{ field: path.join('.'), message: issue.message ?? 'is not valid' }];
        return problems.map((problem) => (where ? { ...problem, in: where } : problem));
      });
      return reply.status(422).send({
        error: {
          code: 'invalid',
          message: details.length > 0 ? summary(details) : 'The request is not valid',
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
