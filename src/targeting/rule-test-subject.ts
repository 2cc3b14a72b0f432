import { visibleJurisdictions, type Actor } from '../access/model.js';
import { AppError, invalid } from '../errors.js';
import type { SubjectProvider } from './subject-provider.js';

/**
 * The reservation a record locator (and carrier) names, among those the actor sees; several
 * (the same locator at two carriers, or reused over the years) answer 409 with the candidates.
 */
export async function reservationByLocator(
  reservations: SubjectProvider,
  actor: Actor,
  input: { recordLocator?: string; carrier?: string },
): Promise<string> {
  if (!input.recordLocator)
    throw invalid('Give the reservation to test the rule on: its record locator, e.g. 06A9FD', [
      { field: 'recordLocator', message: 'is required' },
    ]);
  const found = await reservations.findByReference!(
    input.recordLocator,
    input.carrier,
    visibleJurisdictions(actor),
  );
  const named = `${input.carrier ? `${input.carrier} ` : ''}${input.recordLocator}`;
  if (found.length === 0)
    throw new AppError(404, 'not_found', `No reservation with record locator ${named}`, [
      { field: 'recordLocator', message: `no reservation ${named}` },
    ]);
  if (found.length > 1)
    throw new AppError(
      409,
      'ambiguous_record_locator',
      `${found.length} reservations have record locator ${named}: choose one (give the carrier, or its id)`,
      {
        candidates: found.map(({ id, ...details }) => ({ reservationId: id, ...details })),
      },
    );
  return found[0]!.id;
}
