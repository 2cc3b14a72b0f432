import type { Config } from './config.js';
import type { DatabaseHandle } from './db/database.js';
import { EventBus } from './db/events.js';
import { AccessService } from './access/service.js';
import { auditKeyLoader } from './access/audit-key.js';
import { JOBS_CHANNEL, JobQueue, JobService } from './jobs/index.js';
import { MessageService } from './messages/service.js';
import { paxlstHandler } from './passengers/paxlst-handler.js';
import type { Actor } from './access/model.js';
import { requirePermission } from './access/service.js';
import { createPnrgovHandler } from './passengers/pnrgov-handler.js';
import { ReservationService } from './passengers/reservation-service.js';
import { RetentionService, type RetentionResult, type RetentionTrigger } from './passengers/retention.js';
import { passengerSubjects } from './passengers/screening-subjects.js';
import { PassengerService } from './passengers/service.js';
import { ScreeningAdmission } from './targeting/admission.js';
import { RecordHits } from './targeting/record-hits.js';
import { TargetingService } from './targeting/service.js';
import { SubjectProviders } from './targeting/index.js';
import { WatchlistService } from './watchlists/service.js';

/** Every service of the application, built once over one database. */
export interface Services {
  database: DatabaseHandle;
  access: AccessService;
  messages: MessageService;
  passengers: PassengerService;
  reservations: ReservationService;
  retention: RetentionService;
  watchlists: WatchlistService;
  targeting: TargetingService;
  /** The job queue (screening and every later kind of job) and its administration. */
  jobs: JobService;
  /** Live events from every server and worker on this database (server-sent event streams). */
  events: EventBus;
  /** Runs the PNR retention now, or as of another day (`asOf`, YYYY-MM-DD). */
  runRetention(actor: Actor, asOf?: string, trigger?: RetentionTrigger): Promise<RetentionResult>;
}

export function createServices(database: DatabaseHandle, config: Config, now?: () => Date): Services {
  const access = new AccessService(database.db, {
    sessionTtlHours: config.SESSION_TTL_HOURS,
    installationJurisdiction: config.INSTALLATION_JURISDICTION,
    auditKey: auditKeyLoader(config),
    ...(now ? { now } : {}),
  });
  const messages = new MessageService(database.db, {
    upload: {
      maxFiles: config.UPLOAD_MAX_FILES,
      maxTotalBytes: config.UPLOAD_MAX_TOTAL_MB * 1024 * 1024,
      maxFileBytes: config.MAX_MESSAGE_MB * 1024 * 1024,
    },
  });
  messages.register(paxlstHandler);
  // The hits of records, on their pages (passengers know no hit table).
  const recordHits = new RecordHits(database.db);
  const reservations = new ReservationService(database.db, access, recordHits);
  const passengers = new PassengerService(database.db, access, reservations, recordHits);
  const retentionPolicy = {
    maskAfterMonths: config.PNR_MASK_AFTER_MONTHS,
    deleteAfterYears: config.PNR_DELETE_AFTER_YEARS,
  };
  const retention = new RetentionService(database.db, access, retentionPolicy, {
    appliesOnArrival: !config.PNR_ACCEPT_EXPIRED,
  });
  messages.register(
    createPnrgovHandler(
      config.PNR_ACCEPT_EXPIRED ? {} : { retention: retentionPolicy, ...(now ? { now } : {}) },
    ),
  );
  const watchlists = new WatchlistService(database.db, access, now);
  const jobQueue = new JobQueue(database.db, {
    leaseSeconds: config.JOB_LEASE_SECONDS,
    maxAttempts: config.JOB_MAX_ATTEMPTS,
  });
  const jobs = new JobService(jobQueue, access);
  const screeningSubjects = passengerSubjects(database.db);
  const targeting = new TargetingService(
    database.db,
    access,
    messages,
    watchlists,
    new SubjectProviders(
      [screeningSubjects.travellers, screeningSubjects.reservations],
      screeningSubjects.flights,
    ),
    jobQueue,
    now,
  );
  const admission = new ScreeningAdmission(() => targeting.screening.queue.backlog(), {
    backlogSeconds: config.SCREENING_BACKLOG_SECONDS,
    maxWaitSeconds: config.SCREENING_ADMISSION_MAX_WAIT_SECONDS,
  });
  messages.admitWith(() => admission.waitForRoom());
  // Workers of every process wake when any process queues work, not at their next poll.
  database.listen?.(JOBS_CHANNEL, () => jobQueue.wake());
  const runRetention = (actor: Actor, asOf?: string, trigger: RetentionTrigger = 'admin') => {
    requirePermission(actor, 'retention:run');
    return retention.run(asOf ? new Date(`${asOf}T00:00:00Z`) : (now?.() ?? new Date()), {
      trigger,
      actorName: actor.name,
    });
  };
  return {
    database,
    access,
    messages,
    passengers,
    reservations,
    retention,
    watchlists,
    targeting,
    jobs,
    events: new EventBus(database),
    runRetention,
  };
}
