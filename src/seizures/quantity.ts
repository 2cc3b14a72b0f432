/**
 * Quantities of seized goods: `{ value, unit }` with a unit of one kind (mass, volume, count,
 * currency), or a descriptive text when nothing better is known ("large quantities").
 *
 * Units are stored in one spelling each (`kg`, `l`, `pieces`, `ampoules`, `EUR`) so that sums can
 * be grouped by unit in SQL; aliases are accepted on entry. Within a kind, report figures are
 * brought to one unit (g and t to kg, ml to l). Named counts (ampoules, boxes, cartons, packs ...)
 * are kinds of their own: 25 ampoules and 33 pieces are never added up.
 */
import { currencyStatus } from './currencies.js';

export type QuantityKind = 'mass' | 'volume' | 'pieces' | 'named-count' | 'currency';

export interface Quantity {
  value: number;
  unit: string;
}

export interface QuantityProblem {
  field: string;
  message: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: QuantityProblem[] };

/** Units of mass and volume, with their factor to the unit a report uses for the kind. */
const MEASURES: Record<string, { kind: 'mass' | 'volume'; toReportUnit: number }> = {
  g: { kind: 'mass', toReportUnit: 0.001 },
  kg: { kind: 'mass', toReportUnit: 1 },
  t: { kind: 'mass', toReportUnit: 1000 },
  ml: { kind: 'volume', toReportUnit: 0.001 },
  l: { kind: 'volume', toReportUnit: 1 },
};

export const REPORT_UNIT: Record<'mass' | 'volume', string> = { mass: 'kg', volume: 'l' };

/** Counts that seizure reports keep apart from pieces and from each other (plural spelling). */
export const NAMED_COUNTS: readonly string[] = [
  'ampoules',
  'bags',
  'bales',
  'blisters',
  'bottles',
  'boxes',
  'cans',
  'capsules',
  'cartons',
  'cases',
  'packs',
  'pallets',
  'rolls',
  'sachets',
  'tablets',
  'vials',
];

const ALIASES: Record<string, string> = {
  gram: 'g',
  grams: 'g',
  gr: 'g',
  kilogram: 'kg',
  kilograms: 'kg',
  kgs: 'kg',
  tonne: 't',
  tonnes: 't',
  millilitre: 'ml',
  millilitres: 'ml',
  milliliter: 'ml',
  milliliters: 'ml',
  litre: 'l',
  litres: 'l',
  liter: 'l',
  liters: 'l',
  piece: 'pieces',
  pcs: 'pieces',
  pc: 'pieces',
  ampoule: 'ampoules',
  ampule: 'ampoules',
  ampules: 'ampoules',
  bag: 'bags',
  bale: 'bales',
  blister: 'blisters',
  bottle: 'bottles',
  box: 'boxes',
  can: 'cans',
  capsule: 'capsules',
  carton: 'cartons',
  case: 'cases',
  pack: 'packs',
  packet: 'packs',
  packets: 'packs',
  pallet: 'pallets',
  roll: 'rolls',
  sachet: 'sachets',
  tablet: 'tablets',
  vial: 'vials',
};

/** The stored spelling of a unit as written by a person or a device, or undefined if unknown. */
export function canonicalUnit(written: string): string | undefined {
  const trimmed = written.trim();
  // A code in capitals is a currency first ("ALL" is the Albanian lek); in small letters a unit
  // name wins ("box", "can"), and only then a currency code ("eur").
  if (/^[A-Z]{3}$/.test(trimmed) && currencyStatus(trimmed) !== 'unknown') return trimmed;
  const lower = trimmed.toLowerCase();
  if (lower in MEASURES || lower === 'pieces' || NAMED_COUNTS.includes(lower)) return lower;
  if (lower in ALIASES) return ALIASES[lower];
  if (/^[A-Za-z]{3}$/.test(trimmed) && currencyStatus(trimmed.toUpperCase()) !== 'unknown') {
    return trimmed.toUpperCase();
  }
  return undefined;
}

/** The kind of a stored unit. */
export function unitKind(unit: string): QuantityKind {
  if (unit in MEASURES) return MEASURES[unit].kind;
  if (unit === 'pieces') return 'pieces';
  if (NAMED_COUNTS.includes(unit)) return 'named-count';
  if (currencyStatus(unit) !== 'unknown') return 'currency';
  throw new Error(`Unknown unit ${unit}`);
}

/**
 * A quantity brought to the unit a report uses for its kind: mass to kg, volume to l; counts and
 * currencies stay in their own unit.
 */
export function toReportUnit(quantity: Quantity): Quantity {
  const measure = MEASURES[quantity.unit];
  if (!measure) return quantity;
  return { value: roundFigure(quantity.value * measure.toReportUnit), unit: REPORT_UNIT[measure.kind] };
}

/** Removes the binary noise of sums and conversions (0.1 + 0.2) without losing real precision. */
export function roundFigure(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}

const MAX_VALUE = 1e12;

/** Validates a quantity as sent in JSON: `{ value, unit }`, value a positive finite number. */
export function parseQuantity(input: unknown, field = 'quantity'): Parsed<Quantity> {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return fail(field, 'must be an object with value and unit');
  const { value, unit } = input as { value?: unknown; unit?: unknown };
  const problems: QuantityProblem[] = [];
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isFinite(number))
    problems.push({ field: `${field}.value`, message: 'must be a number' });
  else if (number <= 0) problems.push({ field: `${field}.value`, message: 'must be greater than zero' });
  else if (number > MAX_VALUE) problems.push({ field: `${field}.value`, message: 'is implausibly large' });
  let canonical: string | undefined;
  if (typeof unit !== 'string' || unit.trim() === '')
    problems.push({ field: `${field}.unit`, message: 'is required' });
  else {
    canonical = canonicalUnit(unit);
    if (!canonical)
      problems.push({
        field: `${field}.unit`,
        message: `"${unit}" is not a known unit: g, kg, t, ml, l, pieces, a named count (${NAMED_COUNTS.join(', ')}) or an ISO 4217 currency code`,
      });
  }
  if (problems.length > 0 || canonical === undefined) return { ok: false, problems };
  const kind = unitKind(canonical);
  if ((kind === 'pieces' || kind === 'named-count') && !Number.isInteger(number))
    return fail(`${field}.value`, `must be a whole number of ${canonical}`);
  return { ok: true, value: { value: number as number, unit: canonical } };
}

/**
 * Reads a quantity written as text, as officers and spreadsheets write it: "12.4 kg", "1,200,000
 * pieces", "40 ampoules", "15 000 EUR", "2,5 l" (a decimal comma when it is not a thousands group).
 */
export function parseQuantityText(text: string, field = 'quantity'): Parsed<Quantity> {
  const match = /^\s*([0-9][0-9 ,.'\u00a0\u202f]*)\s*([A-Za-z]+)\s*$/.exec(text);
  if (!match) return fail(field, `"${text}" is not a number followed by a unit`);
  const value = readNumber(match[1]);
  if (value === undefined) return fail(`${field}.value`, `"${match[1].trim()}" is not a number`);
  return parseQuantity({ value, unit: match[2] }, field);
}

/** A number with thousands groups (comma, dot, space, apostrophe) or a decimal comma. */
function readNumber(written: string): number | undefined {
  const text = written.replace(/[\s\u00a0\u202f']/g, '');
  const groupedWith = (separator: string) =>
    new RegExp(`^\\d{1,3}(\\${separator}\\d{3})+(${separator === ',' ? '\\.' : ','}\\d+)?$`).test(text);
  let normalised: string;
  if (groupedWith(',')) normalised = text.replace(/,/g, '');
  else if (groupedWith('.')) normalised = text.replace(/\./g, '').replace(',', '.');
  else if (/^\d+(,\d+)?$/.test(text)) normalised = text.replace(',', '.');
  else if (/^\d+(\.\d+)?$/.test(text)) normalised = text;
  else return undefined;
  return Number(normalised);
}

const MAX_TEXT = 200;

/** A descriptive quantity ("large quantities"): trimmed, one line, not empty, not too long. */
export function parseQuantityDescription(input: unknown, field = 'quantityText'): Parsed<string> {
  if (typeof input !== 'string') return fail(field, 'must be text');
  const text = input.replace(/\s+/g, ' ').trim();
  if (text === '') return fail(field, 'must not be empty');
  if (text.length > MAX_TEXT) return fail(field, `must be at most ${MAX_TEXT} characters`);
  return { ok: true, value: text };
}

export type ItemQuantity =
  | { quantity: Quantity; quantityText?: undefined }
  | { quantity?: undefined; quantityText: string }
  | { quantity?: undefined; quantityText?: undefined };

/**
 * The quantity of a seized item: a measured quantity, or a descriptive one when nothing better is
 * known, or none; never both, so that a report cannot count the same goods twice.
 */
export function parseItemQuantity(input: {
  quantity?: unknown;
  quantityText?: unknown;
}): Parsed<ItemQuantity> {
  const hasQuantity = input.quantity !== undefined && input.quantity !== null;
  const hasText =
    input.quantityText !== undefined && input.quantityText !== null && input.quantityText !== '';
  if (hasQuantity && hasText)
    return fail('quantityText', 'give either a quantity with its unit or a descriptive quantity, not both');
  if (hasQuantity) {
    const parsed = parseQuantity(input.quantity);
    return parsed.ok ? { ok: true, value: { quantity: parsed.value } } : parsed;
  }
  if (hasText) {
    const parsed = parseQuantityDescription(input.quantityText);
    return parsed.ok ? { ok: true, value: { quantityText: parsed.value } } : parsed;
  }
  return { ok: true, value: {} };
}

export interface MoneyAmount {
  amount: number;
  currency: string;
}

/** An estimated value `{ amount, currency }`: amount zero or more, currency an ISO 4217 code. */
export function parseMoney(input: unknown, field = 'value'): Parsed<MoneyAmount> {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return fail(field, 'must be an object with amount and currency');
  const { amount, currency } = input as { amount?: unknown; currency?: unknown };
  const problems: QuantityProblem[] = [];
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0)
    problems.push({ field: `${field}.amount`, message: 'must be a number of zero or more' });
  else if (amount > MAX_VALUE) problems.push({ field: `${field}.amount`, message: 'is implausibly large' });
  if (typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency))
    problems.push({ field: `${field}.currency`, message: 'must be an ISO 4217 code in capitals, e.g. EUR' });
  else if (currencyStatus(currency) === 'unknown')
    problems.push({ field: `${field}.currency`, message: `${currency} is not an ISO 4217 currency code` });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { amount: amount as number, currency: currency as string } };
}

function fail<T>(field: string, message: string): Parsed<T> {
  return { ok: false, problems: [{ field, message }] };
}
