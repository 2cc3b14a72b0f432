import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { csvLine } from '../csv.js';
import { invalid } from '../errors.js';
import { actorOf } from '../server/auth.js';
import type { Services } from '../services.js';
import { CSV_TEMPLATE } from './csv.js';
import {
  createWatchlistSchema,
  entryInputSchema,
  entryListQuerySchema,
  importQuerySchema,
  screenOrganisationSchema,
  screenPersonSchema,
  updateWatchlistSchema,
  watchlistListQuerySchema,
} from './model.js';
import type { ImportReport } from './imports.js';
import type { ImportFile } from './service.js';
import { decodeText } from './text.js';

/** The uploaded file: the raw body, or the first file of a multipart form. */
async function readFile(request: FastifyRequest, fileName?: string): Promise<ImportFile> {
  if (request.isMultipart()) {
    for await (const part of request.parts()) {
      if (part.type !== 'file') continue;
      return {
        content: decodeText(await part.toBuffer()),
        ...(part.filename ? { fileName: part.filename } : {}),
      };
    }
    throw invalid('The upload holds no file: send the list as a "file" part');
  }
  if (!Buffer.isBuffer(request.body) || request.body.length === 0)
    throw invalid('Send the list as the raw request body or as a multipart file');
  return { content: decodeText(request.body), ...(fileName ? { fileName } : {}) };
}

/**
 * An import report, or 422 when not one entry could be read from the file (unreadable XML, a
 * document type declaration, nesting too deep): the error says why, and its details carry the report
 * of the import, which is kept with its errors like any rejected one.
 */
function answerImport(reply: FastifyReply, report: ImportReport, changesAsCsv = false) {
  const unreadable = report.errors.length > 0 && report.lists.every((list) => list.counts.total === 0);
  if (!unreadable) return changesAsCsv ? sendChangeList(reply, report) : reply.send(report);
  const first = report.errors[0]!;
  return reply.status(422).send({
    error: {
      code: 'unreadable_file',
      message: `The file could not be read (${first.where}): ${first.message}`,
      details: { report },
    },
  });
}

/** Every change of a preview as CSV (the report lists the first 500): list, change, id, name, fields. */
function sendChangeList(reply: FastifyReply, report: ImportReport) {
  const lines = [
    csvLine(['list', 'change', 'id', 'name', 'changed_fields']),
    ...report.changes.map((change) =>
      csvLine([change.list, change.change, change.externalId, change.name, (change.fields ?? []).join(' ')]),
    ),
  ];
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', 'attachment; filename="import-changes.csv"')
    .send(`\uFEFF${lines.join('\r\n')}\r\n`);
}

/** `changes=csv`: the whole change list of a preview, which the report cuts at 500. */
const changeListQuery = {
  changes: z.enum(['csv']).optional().describe('csv: every change of the preview as a CSV file'),
};
function wantsChangeList(query: { preview: boolean; changes?: 'csv' }): boolean {
  if (query.changes !== 'csv') return false;
  if (!query.preview)
    throw invalid('The change list is made for a preview', [
      { path: ['preview'], message: 'must be true when asking for the change list (changes=csv)' },
    ]);
  return true;
}

export function registerWatchlistRoutes(app: FastifyInstance, services: Services): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { watchlists } = services;
  const tags = ['watchlists'];
  const params = z.object({ id: z.uuid() });
  const importQuery = importQuerySchema.extend({
    filename: z.string().max(255).optional(),
    ...changeListQuery,
  });

  app.addContentTypeParser(['text/csv', 'application/csv'], { parseAs: 'buffer' }, (_request, body, done) =>
    done(null, body),
  );

  api.get(
    '/api/v1/watchlists',
    { schema: { tags, querystring: watchlistListQuerySchema } },
    async (request) => watchlists.list(actorOf(request), request.query),
  );
  api.post('/api/v1/watchlists', { schema: { tags, body: createWatchlistSchema } }, async (request, reply) =>
    reply.status(201).send(await watchlists.create(actorOf(request), request.body)),
  );
  api.get(
    '/api/v1/watchlists/csv-template',
    { schema: { tags, summary: 'The CSV template for national and manual lists' } },
    async (_request, reply) =>
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="watchlist-template.csv"')
        .send(`${CSV_TEMPLATE}\r\n`),
  );
  api.post(
    '/api/v1/watchlists/imports/un-sc',
    {
      schema: {
        tags,
        querystring: importQuery,
        summary: 'Import the UN Security Council Consolidated List XML (preview=true stores nothing)',
      },
    },
    async (request, reply) => {
      const changeList = wantsChangeList(request.query);
      return answerImport(
        reply,
        await watchlists.importUn(
          actorOf(request),
          await readFile(request, request.query.filename),
          request.query.preview,
          { allChanges: changeList },
        ),
        changeList,
      );
    },
  );
  api.get('/api/v1/watchlists/:id', { schema: { tags, params } }, async (request) =>
    watchlists.get(actorOf(request), request.params.id),
  );
  api.patch(
    '/api/v1/watchlists/:id',
    { schema: { tags, params, body: updateWatchlistSchema } },
    async (request) => watchlists.update(actorOf(request), request.params.id, request.body),
  );
  api.get(
    '/api/v1/watchlists/:id/entries',
    { schema: { tags, params, querystring: entryListQuerySchema } },
    async (request) => watchlists.entries(actorOf(request), request.params.id, request.query),
  );
  api.post(
    '/api/v1/watchlists/:id/entries',
    { schema: { tags, params, body: entryInputSchema } },
    async (request, reply) =>
      reply.status(201).send(await watchlists.addEntry(actorOf(request), request.params.id, request.body)),
  );
  api.get('/api/v1/watchlists/:id/imports', { schema: { tags, params } }, async (request) =>
    watchlists.imports(actorOf(request), { watchlistId: request.params.id }),
  );
  api.get(
    '/api/v1/watchlist-imports',
    { schema: { tags, querystring: z.object({ status: z.enum(['applied', 'rejected']).optional() }) } },
    async (request) => watchlists.imports(actorOf(request), { ...request.query }),
  );
  api.post(
    '/api/v1/watchlists/:id/imports',
    {
      schema: {
        tags,
        params,
        querystring: importQuery,
        summary: 'Import a CSV file (the template) into the list (preview=true stores nothing)',
      },
    },
    async (request, reply) => {
      const changeList = wantsChangeList(request.query);
      return answerImport(
        reply,
        await watchlists.importCsv(
          actorOf(request),
          request.params.id,
          await readFile(request, request.query.filename),
          request.query.preview,
          { allChanges: changeList },
        ),
        changeList,
      );
    },
  );
  api.get('/api/v1/watchlist-entries/:id', { schema: { tags, params } }, async (request) =>
    watchlists.entry(actorOf(request), request.params.id),
  );
  api.put(
    '/api/v1/watchlist-entries/:id',
    { schema: { tags, params, body: entryInputSchema } },
    async (request) => watchlists.updateEntry(actorOf(request), request.params.id, request.body),
  );
  api.post(
    '/api/v1/watchlist-entries/:id/deactivate',
    {
      schema: { tags, params, body: z.object({ reason: z.string().trim().max(2000).optional() }).optional() },
    },
    async (request) =>
      watchlists.setEntryActive(actorOf(request), request.params.id, false, request.body?.reason),
  );
  api.post('/api/v1/watchlist-entries/:id/reactivate', { schema: { tags, params } }, async (request) =>
    watchlists.setEntryActive(actorOf(request), request.params.id, true),
  );

  const screenTags = ['screening'];
  api.post(
    '/api/v1/screen/person',
    {
      schema: {
        tags: screenTags,
        body: screenPersonSchema,
        summary: 'Screen a person against the watchlists',
      },
    },
    async (request) => watchlists.names.screenPerson(actorOf(request), request.body),
  );
  api.post(
    '/api/v1/screen/organisation',
    {
      schema: {
        tags: screenTags,
        body: screenOrganisationSchema,
        summary: 'Screen an organisation against the watchlists',
      },
    },
    async (request) => watchlists.names.screenOrganisation(actorOf(request), request.body),
  );
  api.get('/api/v1/screen/status', { schema: { tags: screenTags } }, async (request) =>
    watchlists.names.indexStatus(actorOf(request)),
  );
}
