/** The screening benchmark's rules (bench/screening.ts): routes and nationalities narrowed by a few more conditions. */
import { seededRandom } from '../scripts/eval-names-data.js';
import type { RuleTree } from '../src/rules/api.js';

const AIRPORTS = [
  'SJJ',
  'BEG',
  'SKP',
  'TGD',
  'TIV',
  'OHD',
  'IST',
  'FRA',
  'VIE',
  'ZRH',
  'AMS',
  'CDG',
  'LHR',
  'DXB',
  'DOH',
  'BOG',
  'LIM',
  'GRU',
];
const COUNTRIES = [
  'BA',
  'RS',
  'ME',
  'MK',
  'XK',
  'AL',
  'HR',
  'TR',
  'DE',
  'AT',
  'NL',
  'CO',
  'PE',
  'BR',
  'AE',
  'QA',
  'GB',
  'FR',
];

/** Rules of 4 or 5 conditions each over traveller, document, flight and journey fields. */
export function generateRules(count: number): RuleTree[] {
  const random = seededRandom(500);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const some = <T>(items: readonly T[], n: number): T[] => Array.from({ length: n }, () => pick(items));
  const makers: (() => RuleTree)[] = [
    () => ({ field: 'flight.origin', operator: 'inList', value: some(AIRPORTS, 2) }),
    () => ({ field: 'traveller.nationality', operator: 'inList', value: some(COUNTRIES, 1) }),
    () => {
      const low = 18 + Math.floor(random() * 50);
      return { field: 'traveller.age', operator: 'between', value: [low, low + 10] };
    },
    () => ({ field: 'traveller.sex', operator: 'equals', value: pick(['M', 'F']) }),
    () => ({
      field: 'traveller.bagWeightKg',
      operator: 'greaterOrEqual',
      value: 15 + Math.floor(random() * 15),
    }),
    () => ({ field: 'journey.countries', operator: 'inList', value: some(COUNTRIES, 3) }),
    () => ({ field: 'document.daysToExpiry', operator: 'lessThan', value: 30 + Math.floor(random() * 300) }),
    () => ({
      field: 'traveller.surname',
      operator: 'startsWith',
      value: pick(['PET', 'KOV', 'HOD', 'MAR', 'JOV', 'NIK']),
    }),
    () => ({ not: { field: 'flight.destinationCountry', operator: 'equals', value: pick(COUNTRIES) } }),
    () => ({ field: 'reservation.paidInCash', operator: 'equals', value: true }),
  ];
  // Like analysts' profiles: a route (origin airports) and a nationality, narrowed by 0 to 2 more conditions.
  return Array.from({ length: count }, () => ({
    all: [
      makers[0](),
      makers[1](),
      ...Array.from({ length: Math.floor(random() * 3) }, () => pick(makers.slice(2))()),
    ],
  }));
}
