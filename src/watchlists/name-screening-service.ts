import type { Actor } from '../access/model.js';
import { requirePermission, type AccessService } from '../access/service.js';
import { OPERATING_THRESHOLD } from '../names/api.js';
import type { ScreenOrganisationInput, ScreenPersonInput } from './model.js';
import type { WatchlistScreening } from './screening.js';
import { scopeOf } from './store.js';
import { candidateView } from './views.js';

/** Screening names against the watchlists an officer may see, each search audited. */
export class NameScreeningService {
  constructor(
    private readonly screening: WatchlistScreening,
    private readonly access: AccessService,
  ) {}

  private screenOne(actor: Actor, input: ScreenPersonInput) {
    const { threshold, limit, ...query } = input;
    return this.screening.screenPerson(query, scopeOf(actor), { limit, ...(threshold ? { threshold } : {}) });
  }

  async screenPerson(actor: Actor, input: ScreenPersonInput) {
    requirePermission(actor, 'screen:run');
    const result = await this.screenOne(actor, input);
    await this.access.auditBy(actor, {
      action: 'screen.person',
      entity: 'screening',
      details: { name: input.name, hits: result.candidates.filter((c) => c.match).length },
    });
    return {
      threshold: OPERATING_THRESHOLD,
      revision: result.revision,
      candidates: result.candidates.map(candidateView),
    };
  }

  /** Many persons at once (the `names screen` command): one audit entry for the batch. */
  async screenBatch(actor: Actor, inputs: ScreenPersonInput[], source: string) {
    requirePermission(actor, 'screen:run');
    const results = [];
    for (const input of inputs)
      results.push((await this.screenOne(actor, input)).candidates.map(candidateView));
    await this.access.auditBy(actor, {
      action: 'screen.batch',
      entity: 'screening',
      details: {
        source,
        persons: inputs.length,
        withHits: results.filter((r) => r.some((c) => c.match)).length,
      },
    });
    return results;
  }

  async screenOrganisation(actor: Actor, input: ScreenOrganisationInput) {
    requirePermission(actor, 'screen:run');
    const result = await this.screening.screenOrganisation(input.name, scopeOf(actor), {
      limit: input.limit,
      ...(input.threshold ? { threshold: input.threshold } : {}),
    });
    await this.access.auditBy(actor, {
      action: 'screen.organisation',
      entity: 'screening',
      details: { name: input.name, hits: result.candidates.filter((c) => c.match).length },
    });
    return {
      threshold: OPERATING_THRESHOLD,
      revision: result.revision,
      candidates: result.candidates.map(candidateView),
    };
  }

  async indexStatus(actor: Actor) {
    requirePermission(actor, 'screen:run');
    return this.screening.status();
  }
}
