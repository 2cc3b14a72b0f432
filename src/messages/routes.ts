import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { invalid } from '../errors.js';
import { actorOf } from '../server/auth.js';
import type { Services } from '../services.js';
import {
  messageDetailSchema,
  messageListQuerySchema,
  messageResultSchema,
  messageSummarySchema,
  type MessageResult,
} from './model.js';
import type { IncomingMessage } from './service.js';

/** Multipart uploads: each file part becomes one message; anything else in the form is refused. */
async function readMultipart(request: FastifyRequest): Promise<IncomingMessage[]> {
  const files: IncomingMessage[] = [];
  for await (const part of request.parts()) {
    if (part.type !== 'file') continue;
    const bytes = await part.toBuffer();
    files.push({ filename: part.filename || null, bytes });
  }
  if (files.length === 0) throw invalid('The upload holds no file: send one or more "file" parts');
  return files;
}

export function registerMessageRoutes(app: FastifyInstance, services: Services): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { messages } = services;

  // Raw message bodies arrive as text/plain, application/edifact, application/octet-stream and the like.
  for (const type of [
    'text/plain',
    'application/edifact',
    'application/octet-stream',
    'application/xml',
    'text/xml',
  ])
    app.addContentTypeParser(type, { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  api.post(
    '/api/v1/messages',
    {
      schema: {
        tags: ['messages'],
        summary: 'Receive one message (raw body) or several (multipart files)',
        querystring: z.object({ filename: z.string().max(255).optional() }),
        response: {
          200: z.union([messageResultSchema, z.object({ results: z.array(messageResultSchema) })]),
          201: messageResultSchema,
        },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (request.isMultipart()) {
        const results: MessageResult[] = [];
        for (const file of await readMultipart(request)) {
          try {
            results.push(await messages.ingest(actor, file));
          } catch (error) {
            // A batch answers per item: one bad file does not fail the others.
            const message = error instanceof Error ? error.message : String(error);
            results.push({
              id: '',
              filename: file.filename,
              format: 'unknown',
              status: 'rejected',
              errors: [{ segment: 0, line: 0, column: 0, message }],
              warnings: [],
              flights: [],
              travellers: 0,
            });
          }
        }
        return reply.status(200).send({ results });
      }
      if (!Buffer.isBuffer(request.body))
        throw invalid('Send the message as the raw request body or as multipart files');
      const result = await messages.ingest(actor, {
        filename: request.query.filename ?? null,
        bytes: request.body,
      });
      return reply.status(result.status === 'duplicate' ? 200 : 201).send(result);
    },
  );

  api.get(
    '/api/v1/messages',
    {
      schema: {
        tags: ['messages'],
        querystring: messageListQuerySchema,
        response: {
          200: z.object({
            items: z.array(messageSummarySchema),
            total: z.number(),
            page: z.number(),
            pageSize: z.number(),
          }),
        },
      },
    },
    async (request) => messages.list(actorOf(request), request.query),
  );

  api.get(
    '/api/v1/messages/:id',
    {
      schema: {
        tags: ['messages'],
        params: z.object({ id: z.uuid() }),
        response: { 200: messageDetailSchema },
      },
    },
    async (request) => messages.get(actorOf(request), request.params.id),
  );
}
