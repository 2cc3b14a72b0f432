import type { Issue } from './model.js';

export type StoredStatus = 'parsed' | 'partial' | 'rejected';

/**
 * What a parse makes of a message: rejected when it has errors (nothing is stored from it),
 * partial when it was cut off but what was read is stored (the sender is asked again), else parsed.
 */
export function messageStatus(result: { errors: readonly Issue[]; partial?: boolean }): StoredStatus {
  if (result.errors.length > 0) return 'rejected';
  return result.partial ? 'partial' : 'parsed';
}
