import type { Kysely } from 'kysely';
import type { Actor } from '../access/model.js';
import type { AccessService } from '../access/service.js';
import type { Database } from '../db/schema.js';
import type { MessageService } from '../messages/service.js';
import type { WatchlistService } from '../watchlists/service.js';
import { backtestRule } from './backtest.js';
import { HitService } from './hit-service.js';
import { HitStore } from './hit-store.js';
import type { BacktestInput } from './model.js';
import { RuleService } from './rule-service.js';
import type { JobQueue } from '../jobs/index.js';
import { ScreeningService } from './screening-service.js';
import type { SubjectProviders } from './subject-provider.js';

/**
 * Targeting: rules and code lists, screening of every new or updated record through the work
 * queue, and the hit review. Wired to the message pipeline (each parsed message queues its
 * screening in its own transaction) and to rule and watchlist changes (flights of the next
 * 72 hours are screened again).
 */
export class TargetingService {
  readonly rules: RuleService;
  readonly hits: HitService;
  readonly screening: ScreeningService;
  private readonly subjects: SubjectProviders;
  private readonly hitStore: HitStore;

  constructor(
    db: Kysely<Database>,
    access: AccessService,
    messages: MessageService,
    watchlists: WatchlistService,
    /** The screening subjects of every domain (subject-provider.ts) and the flights hits name. */
    subjects: SubjectProviders,
    jobs: JobQueue,
    now?: () => Date,
  ) {
    this.subjects = subjects;
    this.hitStore = new HitStore(db);
    this.rules = new RuleService(db, access, this.subjects);
    this.hits = new HitService(db, access, this.subjects);
    this.screening = new ScreeningService(db, watchlists.screening, this.subjects, jobs, now);
    messages.onStored(
      (messageId) => this.screening.queue.enqueueStatement({ of: 'message', messageId }),
      () => jobs.wake(),
    );
    // A failed request is not the caller's failure: the change is stored, and the next one queues it.
    const rescreen = (reason: string) => () => this.screening.requestRescreen(reason).catch(() => undefined);
    this.rules.onChange(rescreen('rules changed'));
    watchlists.onChange(rescreen('watchlists changed'));
  }

  backtest(actor: Actor, ruleId: string, input: BacktestInput) {
    return backtestRule(this.hitStore, this.subjects, this.rules, actor, ruleId, input);
  }
}
