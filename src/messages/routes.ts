import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, invalid } from '../errors.js';
import { actorOf } from '../server/auth.js';
import { refuseNul } from '../server/input-guards.js';
import type { Services } from '../services.js';
import {
  messageDetailSchema,
  messageListQuerySchema,
  messageResultSchema,
  messageSummarySchema,
  type MessageResult,
} from './model.js';
import type { IncomingMessage, UploadLimits } from './service.js';
import { storedAnswer } from './stored.js';

const megabytes = (bytes: number) => Number((bytes / (1024 * 1024)).toFixed(2));
const uploadTooLarge = (message: string) => new AppError(413, 'too_large', message);

/**
 * Multipart uploads: each file part becomes one message; other form fields are ignored. Parts are
 * counted as they stream in and the request is refused (413, naming the limit) as soon as it passes
 * one, before any file is stored: an upload is stored whole or not at all, and the server never
 * holds more than UPLOAD_MAX_TOTAL_MB of it.
 */
async function readMultipart(request: FastifyRequest, limits: UploadLimits): Promise<IncomingMessage[]> {
  const files: IncomingMessage[] = [];
  let total = 0;
  const parts = request.parts({ limits: { files: limits.maxFiles + 1, fileSize: limits.maxFileBytes } });
  for await (const part of parts) {
    if (part.type !== 'file') continue;
    if (files.length === limits.maxFiles)
      throw uploadTooLarge(
        `The upload holds more than ${limits.maxFiles} files: send at most ${limits.maxFiles} in one request (UPLOAD_MAX_FILES)`,
      );
    const filename = part.filename || null;
    refuseNul(filename, `the file name of part ${files.length + 1}`);
    const chunks: Buffer[] = [];
    for await (const chunk of part.file as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > limits.maxTotalBytes)
        throw uploadTooLarge(
          `The upload is larger than ${megabytes(limits.maxTotalBytes)} MB in all: send the files in several requests (UPLOAD_MAX_TOTAL_MB)`,
        );
      chunks.push(chunk);
    }
    if (part.file.truncated)
      throw uploadTooLarge(
        `${filename ?? `File ${files.length + 1}`} is larger than ${megabytes(limits.maxFileBytes)} MB (MAX_MESSAGE_MB)`,
      );
    files.push({ filename, bytes: Buffer.concat(chunks) });
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
        const files = await readMultipart(request, messages.uploadLimits);
        // Each file's bytes are let go once it is stored.
        for (let file = files.shift(); file; file = files.shift()) {
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
              ...storedAnswer([]),
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
