/** The job queue, for the domains that register kinds of job and the processes that run them. */
export type { ClaimedJob, DeadJob, JobHandler, JobState, QueueOptions } from './model.js';
export { JOBS_CHANNEL } from './job-store.js';
export { JobQueue, type JobsOfKind } from './queue.js';
export { JobService } from './service.js';
export { JobWorker, LeaseKeeper, type WorkerLog } from './worker.js';
export { registerJobRoutes } from './routes.js';
