/**
 * Seizure reference numbers, one series per unit and year: `RS-BEG-PCU-2026-0042` is the 42nd
 * seizure of 2026 of the Port Control Unit (unit type PCU) at Belgrade (location BEG) in Serbia
 * (RS). The country is the ISO 3166 alpha-2 code the reference data gives the jurisdiction (XK for
 * Kosovo*), the location the code of the unit's location, the sequence at least four digits.
 */

export interface SeizureReference {
  country: string;
  location: string;
  unitType: string;
  year: number;
  sequence: number;
}

const PATTERN = /^([A-Z]{2})-([A-Z0-9]{2,6})-([A-Z]{2,6})-(\d{4})-(\d{4,})$/;

export type ReferenceCheck = { ok: true; reference: SeizureReference } | { ok: false; message: string };

function problemOf(reference: SeizureReference): string | undefined {
  if (!/^[A-Z]{2}$/.test(reference.country))
    return `country "${reference.country}" must be two capital letters`;
  if (!/^[A-Z0-9]{2,6}$/.test(reference.location))
    return `location "${reference.location}" must be 2 to 6 capital letters or digits`;
  if (!/^[A-Z]{2,6}$/.test(reference.unitType))
    return `unit type "${reference.unitType}" must be 2 to 6 capital letters`;
  if (!Number.isInteger(reference.year) || reference.year < 1990 || reference.year > 9999)
    return `year ${reference.year} is out of range`;
  if (!Number.isInteger(reference.sequence) || reference.sequence < 1)
    return `sequence ${reference.sequence} must be a whole number from 1`;
  return undefined;
}

/** The reference as printed: the sequence padded to four digits (more when the year needs more). */
export function formatSeizureReference(reference: SeizureReference): string {
  const problem = problemOf(reference);
  if (problem) throw new Error(`Cannot write a seizure reference: ${problem}`);
  const { country, location, unitType, year, sequence } = reference;
  return `${country}-${location}-${unitType}-${year}-${String(sequence).padStart(4, '0')}`;
}

/** Reads a reference as typed (any case, spaces around it). */
export function parseSeizureReference(written: string): ReferenceCheck {
  const match = PATTERN.exec(written.trim().toUpperCase());
  if (!match)
    return {
      ok: false,
      message: `"${written}" is not a seizure reference such as RS-BEG-PCU-2026-0042 (country, location, unit, year, number)`,
    };
  const [, country, location, unitType, year, sequence] = match;
  const reference = { country, location, unitType, year: Number(year), sequence: Number(sequence) };
  const problem = problemOf(reference);
  if (problem) return { ok: false, message: problem };
  if (sequence.length > 4 && sequence.startsWith('0'))
    return { ok: false, message: `"${sequence}" has more leading zeros than the four digits of a sequence` };
  return { ok: true, reference };
}

/** The series a reference belongs to (unit and year): `RS-BEG-PCU-2026`. */
export function seizureReferenceSeries(reference: Omit<SeizureReference, 'sequence'>): string {
  return formatSeizureReference({ ...reference, sequence: 1 }).replace(/-\d+$/, '');
}

/** The next reference of a unit's series, after the highest sequence used so far (0 for none). */
export function nextSeizureReference(
  series: Omit<SeizureReference, 'sequence'>,
  lastSequence: number,
): SeizureReference {
  if (!Number.isInteger(lastSequence) || lastSequence < 0)
    throw new Error(`Bad last sequence ${lastSequence}`);
  return { ...series, sequence: lastSequence + 1 };
}
