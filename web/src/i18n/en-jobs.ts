import type { CatalogueEntry } from './catalogue.js';

/** The screening jobs section of the administration page. */
export const enJobs = {
  'admin.jobs': 'Jobs',
  'jobs.title': 'Screening jobs',
  'jobs.intro':
    'Every received message queues a screening job. A worker holds a job under a lease of {lease} seconds that it renews while it works; if the worker stops, another takes the job over. After {attempts} attempts a job is dead and waits here.',
  'jobs.state.pending': 'Waiting',
  'jobs.state.running': 'Being screened',
  'jobs.state.done': 'Done (last 7 days)',
  'jobs.state.dead': 'Dead',
  'jobs.dead.title': 'Dead jobs',
  'jobs.dead.empty': 'No dead jobs',
  'jobs.dead.emptyBody': 'Every job was screened or is on its way.',
  'jobs.kind': 'Kind',
  'jobs.kind.message': 'Message',
  'jobs.kind.travellers': 'Travellers',
  'jobs.kind.reservations': 'Reservations',
  'jobs.kind.rescreen': 'Screening again',
  'jobs.summary': 'What',
  'jobs.attempts': 'Attempts',
  'jobs.error': 'Last error',
  'jobs.created': 'Queued',
  'jobs.lastAttempt': 'Last attempt',
  'jobs.died': 'Dead since',
  'jobs.worker': 'Last worker',
  'jobs.retry': 'Retry',
  'jobs.retryNamed': 'Retry job {id}',
  'jobs.retried': 'Job {id} is back in the queue.',
  'jobs.refresh': 'Refresh',
} as const satisfies Record<string, CatalogueEntry>;
