import { z } from 'zod';
import type { JobHandler } from '../jobs/index.js';

/**
 * A screening job's payload: the records a stored message brought, records named by id, or every
 * record travelling in the next hours (rules, code lists or watchlists changed).
 */
export const screeningJobSchema = z.discriminatedUnion('of', [
  z.object({ of: z.literal('message'), messageId: z.string() }),
  z.object({ of: z.literal('subjects'), subjectKind: z.string(), ids: z.array(z.string()) }),
  z.object({ of: z.literal('rescreen'), reason: z.string(), hours: z.number().positive() }),
]);
export type ScreeningJob = z.infer<typeof screeningJobSchema>;

export const SCREENING_JOB_KIND = 'screening';

/** What a screening job was, as the administrators' Jobs page names it. */
export function describeScreeningJob(job: ScreeningJob): { what: string; summary: string } {
  if (job.of === 'message') return { what: 'message', summary: `message ${job.messageId}` };
  if (job.of === 'rescreen')
    return { what: 'rescreen', summary: `flights of the next ${job.hours} hours (${job.reason})` };
  const records = `${job.subjectKind}s`;
  return { what: records, summary: `${job.ids.length} ${records}` };
}

/** The screening kind of job, run by `screen` (ScreeningService.process). */
export function screeningJobHandler(
  process: (job: ScreeningJob) => Promise<{ created: readonly string[] }>,
): JobHandler<ScreeningJob> {
  return {
    kind: SCREENING_JOB_KIND,
    payload: screeningJobSchema,
    run: async (payload) => ({ of: payload.of, created: (await process(payload)).created.length }),
    describe: describeScreeningJob,
  };
}
