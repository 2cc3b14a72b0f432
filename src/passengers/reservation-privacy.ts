/**
 * Depersonalisation of PNR data (EU PNR directive, Article 12(2)): names, addresses and contacts,
 * payment details, frequent flyer data, general remarks and any API data are masked out. What stays
 * (itinerary, dates, counts, codes) still serves statistics and risk analysis.
 */

export const MASK = '•••';

/** Keys whose whole value (string, number, object or array) identifies a person. */
const PERSONAL_KEYS = new Set([
  'surname',
  'givenNames',
  'title',
  'dateOfBirth',
  'documents',
  'visas',
  'addresses',
  'frequentFlyers',
  'references',
  'phones',
  'emails',
  'cardNumber',
  'cardHolder',
  'cardExpiry',
  'cardExpiryText',
  'accountNumber',
  'sponsorAddress',
  'sponsorPhone',
  'remarks',
  'serviceRequests',
  'history',
  'historyText',
  'groupName',
  'tags',
  'number',
  'text',
  'agentSign',
  'ticketNumber',
]);

function maskValue(value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (Array.isArray(value)) return [];
  if (typeof value === 'object') return {};
  return MASK;
}

/** A copy of `data` with every personal value replaced; the structure and the rest are kept. */
export function depersonalise<T>(data: T): T {
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, inner]) => [
        key,
        PERSONAL_KEYS.has(key) ? maskValue(inner) : walk(inner),
      ]),
    );
  };
  return walk(data) as T;
}

/** Every string of a value, for tests and audits that prove nothing personal is left. */
export function allStrings(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) for (const item of value) allStrings(item, into);
  else if (value && typeof value === 'object')
    for (const item of Object.values(value)) allStrings(item, into);
  return into;
}
