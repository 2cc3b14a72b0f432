/**
 * Rule-evaluation micro-benchmark: 500 generated rules (2-6 conditions, nested groups, named
 * and inline lists, patterns, keyword search) compiled as one rule set, evaluated over 10,000
 * generated traveller records on one core. Target: 500 rules x 5,000 travellers/s, leaving room
 * for the rest of the pipeline. Standalone: `npx tsx bench/rules.ts`.
 */
import { seededRandom } from '../scripts/eval-names-data.js';
import { compileRuleSet, type CodeList, type Condition, type RuleTree } from '../src/rules/api.js';

const RULES = Number(process.env.RULES_BENCH_RULES ?? 500);
const RECORDS = Number(process.env.RULES_BENCH_RECORDS ?? 10_000);
const PASSES = 5;
const TARGET_TRAVELLERS_PER_SECOND = 5_000;

const random = seededRandom(20_261_122);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));

const COUNTRIES = [
  'CO',
  'PE',
  'BO',
  'EC',
  'BR',
  'VE',
  'TR',
  'RS',
  'BA',
  'ME',
  'MK',
  'AL',
  'HR',
  'DE',
  'NL',
  'ES',
  'GB',
  'AE',
  'NG',
  'GH',
];
const AIRPORTS = [
  'BEG',
  'SJJ',
  'TGD',
  'TIV',
  'SKP',
  'OHD',
  'TIA',
  'ZAG',
  'IST',
  'FRA',
  'AMS',
  'MAD',
  'BOG',
  'LIM',
  'GRU',
  'DXB',
  'LOS',
  'ACC',
];
const CARRIERS = ['JU', 'TK', 'LH', 'KL', 'IB', 'AV', 'EK', 'W6', 'FR', 'OU'];
const SURNAMES = [
  'PETROVIC',
  'JOVANOVIC',
  'HODZIC',
  'KRASNIQI',
  'GARCIA',
  'RODRIGUEZ',
  'SMITH',
  'OKAFOR',
  'YILMAZ',
  'MULLER',
];
const REMARKS = [
  'WCHR',
  'VGML',
  'CTCE PAX',
  'DOCS PROVIDED',
  'PAID CASH AT COUNTER',
  'GROUP BOOKING',
  'PICK UP PAKET',
];

const documentNumbers = Array.from({ length: 1_000 }, (_, i) => `X${String(100_000 + i * 7)}`);
const codeLists = new Map<string, CodeList>([
  ['source-countries', { kind: 'country', items: ['CO', 'PE', 'BO', 'EC', 'VE'] }],
  ['transit-countries', { kind: 'country', items: ['BR', 'TR', 'AE', 'NG', 'GH', 'ES', 'NL'] }],
  ['hub-airports', { kind: 'airport', items: ['IST', 'FRA', 'AMS', 'MAD', 'DXB'] }],
  ['lost-stolen', { kind: 'document-number', items: documentNumbers }],
  ['courier-words', { kind: 'keyword', items: ['paket', 'cash at counter', 'urgent', 'courier'] }],
]);

const conditionMakers: (() => Condition)[] = [
  () => ({
    field: 'traveller.nationality',
    operator: 'inList',
    list: pick(['source-countries', 'transit-countries']),
  }),
  () => ({ field: 'traveller.nationality', operator: 'equals', value: pick(COUNTRIES) }),
  () => ({ field: 'traveller.age', operator: 'between', value: [between(16, 30), between(31, 60)] }),
  () => ({ field: 'traveller.sex', operator: 'equals', value: pick(['M', 'F']) }),
  () => ({ field: 'reservation.tripType', operator: 'equals', value: 'one-way' }),
  () => ({ field: 'reservation.paidInCash', operator: 'equals', value: true }),
  () => ({ field: 'reservation.daysBookedBeforeDeparture', operator: 'lessOrEqual', value: between(1, 7) }),
  () => ({ field: 'flight.originCountry', operator: 'inList', list: 'source-countries' }),
  () => ({
    field: 'journey.countries',
    operator: 'inList',
    list: pick(['source-countries', 'transit-countries']),
  }),
  () => ({ field: 'journey.airports', operator: 'inList', list: 'hub-airports' }),
  () => ({ field: 'document.daysToExpiry', operator: 'lessThan', value: between(10, 90) }),
  () => ({ field: 'document.number', operator: 'inList', list: 'lost-stolen' }),
  () => ({ field: 'traveller.surname', operator: 'startsWith', value: pick(SURNAMES).slice(0, 3) }),
  () => ({ field: 'traveller.surname', operator: 'matches', value: `${pick(SURNAMES).slice(0, 2)}*IC` }),
  () => ({ field: 'reservation.remarks', operator: 'contains', list: 'courier-words' }),
  () => ({ field: 'flight.carrier', operator: 'inList', value: [pick(CARRIERS), pick(CARRIERS)] }),
  () => ({ field: 'traveller.bagCount', operator: 'greaterThan', value: between(0, 2) }),
  () => ({
    field: 'flight.departureUtc',
    operator: 'between',
    value: ['2026-11-01T00:00Z', '2026-11-15T00:00Z'],
  }),
  () => ({ field: 'reservation.travellerCount', operator: 'equals', value: 1 }),
  () => ({ field: 'reservation.present', operator: 'equals', value: true }),
];

function generateRule(): RuleTree {
  const conditions: RuleTree[] = Array.from({ length: between(2, 4) }, () => pick(conditionMakers)());
  const shape = random();
  if (shape < 0.3) conditions.push({ any: [pick(conditionMakers)(), pick(conditionMakers)()] });
  else if (shape < 0.45) conditions.push({ not: pick(conditionMakers)() });
  return { all: conditions };
}

function generateTraveller(): Record<string, unknown> {
  const surname = pick(SURNAMES);
  const reservation = random() < 0.7;
  const origin = pick(AIRPORTS);
  return {
    'traveller.surname': surname,
    'traveller.givenNames': 'ANA MARIA',
    'traveller.fullName': `ANA MARIA ${surname}`,
    'traveller.sex': pick(['M', 'F', 'U']),
    'traveller.age': between(1, 85),
    'traveller.nationality': pick(COUNTRIES),
    'traveller.bagCount': between(0, 3),
    'document.number': random() < 0.01 ? pick(documentNumbers) : `P${between(1_000_000, 9_999_999)}`,
    'document.daysToExpiry': between(-10, 3_000),
    'flight.carrier': pick(CARRIERS),
    'flight.origin': origin,
    'flight.originCountry': pick(COUNTRIES),
    'flight.departureUtc': `2026-11-${String(between(1, 30)).padStart(2, '0')}T${String(between(0, 23)).padStart(2, '0')}:15:00Z`,
    'journey.airports': [origin, pick(AIRPORTS), 'BEG'],
    'journey.countries': [pick(COUNTRIES), pick(COUNTRIES), 'RS'],
    'reservation.present': reservation,
    ...(reservation && {
      'reservation.tripType': pick(['one-way', 'return', 'return', 'multi-city']),
      'reservation.paidInCash': random() < 0.1,
      'reservation.daysBookedBeforeDeparture': between(0, 120),
      'reservation.travellerCount': between(1, 4),
      'reservation.remarks': [pick(REMARKS), pick(REMARKS)],
    }),
  };
}

const rules = Array.from({ length: RULES }, (_, i) => ({ id: `rule-${i}`, tree: generateRule() }));
const records = Array.from({ length: RECORDS }, generateTraveller);
const compileStarted = performance.now();
const ruleSet = compileRuleSet(rules, 'traveller', codeLists);
const compileMilliseconds = performance.now() - compileStarted;

let fired = 0;
const evaluate = () => {
  fired = 0;
  for (const record of records) fired += ruleSet.fired(record).length;
};
evaluate(); // warm-up
const seconds: number[] = [];
for (let pass = 0; pass < PASSES; pass++) {
  const started = performance.now();
  evaluate();
  seconds.push((performance.now() - started) / 1000);
}
seconds.sort((a, b) => a - b);
const median = seconds[Math.floor(PASSES / 2)];
const travellersPerSecond = RECORDS / median;

// Explanations are built only for rules that fired; measure their cost separately.
const explainStarted = performance.now();
let explained = 0;
for (const record of records.slice(0, 1_000))
  for (const id of ruleSet.fired(record)) if (ruleSet.explain(id, record)) explained++;
const explainSeconds = (performance.now() - explainStarted) / 1000;

const format = (value: number) => Math.round(value).toLocaleString('en-GB');
console.log(`## Rule evaluation\n`);
console.log(
  `Input: ${RULES} generated rules (compiled in ${format(compileMilliseconds)} ms), ${format(RECORDS)} generated traveller records; median of ${PASSES} passes after a warm-up, one core.\n`,
);
console.log(`| measure | value |\n| --- | --- |`);
console.log(`| travellers/s (all ${RULES} rules each) | ${format(travellersPerSecond)} |`);
console.log(`| rule evaluations/s | ${format(travellersPerSecond * RULES)} |`);
console.log(`| ns per rule evaluation | ${((median / (RECORDS * RULES)) * 1e9).toFixed(1)} |`);
console.log(`| rules fired per traveller | ${(fired / RECORDS).toFixed(2)} |`);
console.log(`| explanations/s (fired rules only) | ${format(explained / explainSeconds)} |`);
console.log(
  `\nTarget ≥ ${format(TARGET_TRAVELLERS_PER_SECOND)} travellers/s: ${travellersPerSecond >= TARGET_TRAVELLERS_PER_SECOND ? 'met' : '**not met**'}`,
);
