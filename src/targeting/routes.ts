import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePermission } from '../access/service.js';
import { subjects, ruleTreeSchema } from '../rules/api.js';
import { actorOf } from '../server/auth.js';
import type { Services } from '../services.js';
import {
  backtestSchema,
  codeListInputSchema,
  codeListPatchSchema,
  effectivenessQuerySchema,
  hitListQuerySchema,
  hitPatchSchema,
  hitReferralSchema,
  ruleInputSchema,
  ruleListQuerySchema,
  rulePatchSchema,
  ruleTestSchema,
} from './model.js';
import { eventStreams } from '../server/event-stream.js';
import { followHits } from './hit-events.js';

export function registerTargetingRoutes(app: FastifyInstance, services: Services): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { rules, hits, screening } = services.targeting;
  const params = z.object({ id: z.uuid() });
  const tags = ['rules'];

  api.get(
    '/api/v1/rules/fields',
    { schema: { tags, summary: 'The field catalogue per subject, with operators' } },
    async (request) => rules.fieldCatalogue(actorOf(request)),
  );
  api.get('/api/v1/rules', { schema: { tags, querystring: ruleListQuerySchema } }, async (request) =>
    rules.list(actorOf(request), request.query),
  );
  api.post('/api/v1/rules', { schema: { tags, body: ruleInputSchema } }, async (request, reply) =>
    reply.status(201).send(await rules.create(actorOf(request), request.body)),
  );
  api.get(
    '/api/v1/rules/effectiveness',
    { schema: { tags, querystring: effectivenessQuerySchema } },
    async (request) => hits.effectiveness(actorOf(request), request.query),
  );
  api.post(
    '/api/v1/rules/test',
    {
      schema: {
        tags,
        summary: 'Try a condition being written on one traveller or reservation',
        body: ruleTestSchema.extend({
          subject: z.enum(subjects).default('traveller'),
          condition: ruleTreeSchema,
        }),
      },
    },
    async (request) => rules.test(actorOf(request), null, request.body),
  );
  api.get('/api/v1/rules/:id', { schema: { tags, params } }, async (request) =>
    rules.get(actorOf(request), request.params.id),
  );
  api.patch('/api/v1/rules/:id', { schema: { tags, params, body: rulePatchSchema } }, async (request) =>
    rules.update(actorOf(request), request.params.id, request.body),
  );
  api.post('/api/v1/rules/:id/test', { schema: { tags, params, body: ruleTestSchema } }, async (request) =>
    rules.test(actorOf(request), request.params.id, request.body),
  );
  api.post(
    '/api/v1/rules/:id/backtest',
    { schema: { tags, params, body: backtestSchema } },
    async (request) => services.targeting.backtest(actorOf(request), request.params.id, request.body),
  );

  const listTags = ['code lists'];
  api.get('/api/v1/code-lists', { schema: { tags: listTags } }, async (request) =>
    rules.codeLists(actorOf(request)),
  );
  api.post(
    '/api/v1/code-lists',
    { schema: { tags: listTags, body: codeListInputSchema } },
    async (request, reply) =>
      reply.status(201).send(await rules.createCodeList(actorOf(request), request.body)),
  );
  api.get('/api/v1/code-lists/:id', { schema: { tags: listTags, params } }, async (request) =>
    rules.codeList(actorOf(request), request.params.id),
  );
  api.patch(
    '/api/v1/code-lists/:id',
    { schema: { tags: listTags, params, body: codeListPatchSchema } },
    async (request) => rules.updateCodeList(actorOf(request), request.params.id, request.body),
  );
  api.delete('/api/v1/code-lists/:id', { schema: { tags: listTags, params } }, async (request, reply) => {
    await rules.deleteCodeList(actorOf(request), request.params.id);
    return reply.status(204).send();
  });
  // Code lists and watchlists together: what a rule's "in list" may name.
  api.get(
    '/api/v1/lists',
    { schema: { tags: listTags, summary: 'Code lists and watchlists' } },
    async (request) => {
      const actor = actorOf(request);
      const [codeLists, watchlists] = await Promise.all([
        rules.codeLists(actor),
        services.watchlists.list(actor, {}),
      ]);
      return {
        codeLists: codeLists.items,
        watchlists: watchlists.items.map((w) => ({
          id: w.id,
          name: w.name,
          kind: w.kind,
          source: w.source,
          activeEntries: w.activeEntries,
        })),
      };
    },
  );

  const hitTags = ['hits'];
  const openStream = eventStreams(app);
  api.get('/api/v1/hits', { schema: { tags: hitTags, querystring: hitListQuerySchema } }, async (request) =>
    hits.list(actorOf(request), request.query),
  );
  api.get(
    '/api/v1/hits/stream',
    { schema: { tags: hitTags, summary: 'Server-sent events when hits arrive or change' } },
    async (request, reply) => {
      const actor = actorOf(request);
      requirePermission(actor, 'hits:read');
      const stream = openStream(request, reply);
      try {
        // Events come through the database from every server and worker (hit-events.ts).
        stream.onClose(await followHits(services.events, hits, actor, stream.send));
      } catch (error) {
        request.log.error({ err: error }, 'the hit stream could not follow events');
        return stream.end();
      }
      stream.send('ready', { at: new Date().toISOString() });
    },
  );
  api.get('/api/v1/hits/:id', { schema: { tags: hitTags, params } }, async (request) =>
    hits.get(actorOf(request), request.params.id),
  );
  api.patch(
    '/api/v1/hits/:id',
    { schema: { tags: hitTags, params, body: hitPatchSchema } },
    async (request) => hits.update(actorOf(request), request.params.id, request.body),
  );
  api.get(
    '/api/v1/hits/:id/referral-recipients',
    { schema: { tags: hitTags, params, summary: 'The units and users the hit may be referred to' } },
    async (request) => hits.referralRecipients(actorOf(request), request.params.id),
  );
  api.post(
    '/api/v1/hits/:id/refer',
    {
      schema: {
        tags: hitTags,
        params,
        body: hitReferralSchema,
        summary: 'Refer the hit to a unit or a user, with the reason',
      },
    },
    async (request) => hits.refer(actorOf(request), request.params.id, request.body),
  );
  api.get('/api/v1/screening/status', { schema: { tags: hitTags } }, async (request) => {
    requirePermission(actorOf(request), 'hits:read');
    return { jobs: await screening.queue.counts() };
  });
}
