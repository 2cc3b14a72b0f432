/**
 * Realistic PNRGOV 13.1 interchanges for benchmarks and tests: one push for a flight of the
 * region, several reservations per message, 1 to 6 travellers each (infants on a lap among
 * them), contacts, tickets and payments, itineraries of 1 to 3 legs with codeshares, seats,
 * check-in and bags. Deterministic for a given index; card numbers are masked as airlines send
 * them. Everything is valid, so the parser reads it without a warning.
 */
import { seededRandom } from './paxlst-generator.js';

const surnames = [
  'DJORDJEVIC',
  'PETROVIC',
  'HODZIC',
  'KOVACEVIC',
  'BEGIC',
  'NIKOLOVSKI',
  'KRASNIQI',
  'HOXHA',
  'IVANOVIC',
  'MARKOVIC',
  'JOVANOVSKA',
  'DELIC',
  'GASHI',
  'BERISHA',
  'POPOVIC',
  'SMITH',
  'MUELLER',
  'YILMAZ',
  'ALHASSAN',
  'IVANOV',
];
const givenNames = [
  'MARKO',
  'ANA',
  'EMIR',
  'JELENA',
  'ARBEN',
  'ELENA',
  'DRAGAN',
  'AIDA',
  'BLERTA',
  'STEFAN',
  'MILICA',
  'ADNAN',
  'VESNA',
  'LUKA',
  'ERIONA',
  'JOHN',
  'ANNA',
  'MEHMET',
  'OMAR',
  'OLGA',
];
const nationalities = ['BIH', 'SRB', 'MKD', 'MNE', 'ALB', 'HRV', 'DEU', 'AUT', 'TUR', 'GBR', 'NLD', 'RKS'];
const cities: [city: string, country: string][] = [
  ['SARAJEVO', 'BA'],
  ['BEOGRAD', 'RS'],
  ['SKOPJE', 'MK'],
  ['PODGORICA', 'ME'],
  ['TIRANA', 'AL'],
  ['PRISHTINA', 'XK'],
  ['WIEN', 'AT'],
  ['ISTANBUL', 'TR'],
  ['FRANKFURT', 'DE'],
  ['DUBAI', 'AE'],
];
const mailDomains = ['GMAIL.COM', 'YAHOO.COM', 'HOTMAIL.COM', 'T-COM.ME', 'BIH.NET.BA'];
/** Flights of the push: from, to, marketing carrier, flight number, departure, arrival. */
const pushFlights: [string, string, string, number, string, string][] = [
  ['IST', 'SJJ', 'TK', 1021, '0950', '1100'],
  ['VIE', 'BEG', 'OS', 771, '1025', '1150'],
  ['FRA', 'SKP', 'LH', 1712, '1305', '1600'],
  ['DXB', 'BEG', 'FZ', 1745, '0820', '1210'],
  ['IST', 'TGD', 'TK', 1081, '1340', '1445'],
  ['BEG', 'TIV', 'JU', 170, '0705', '0800'],
  ['VIE', 'PRN', 'OS', 755, '1215', '1400'],
  ['IST', 'TIA', 'TK', 1075, '0815', '0905'],
  ['FRA', 'SJJ', 'LH', 1718, '2120', '2315'],
  ['DXB', 'SKP', 'FZ', 1755, '0900', '1230'],
];
/** Feeder legs into the push flight's departure airport: from, carrier, operating carrier. */
const feeders: Record<string, [string, string, string | null][]> = {
  IST: [
    ['DXB', 'TK', null],
    ['FRA', 'TK', 'LH'],
  ],
  VIE: [
    ['FRA', 'OS', 'LH'],
    ['IST', 'OS', null],
  ],
  FRA: [
    ['VIE', 'LH', 'OS'],
    ['DXB', 'LH', null],
  ],
  DXB: [['IST', 'FZ', 'TK']],
  BEG: [
    ['VIE', 'JU', 'OS'],
    ['FRA', 'JU', null],
  ],
};

const pad = (value: number, width = 2) => String(value).padStart(width, '0');
/** PNRGOV dates: DDMMYY. */
const ddmmyy = (day: number, month: number, year: number) => `${pad(day)}${pad(month)}${pad(year % 100)}`;
const MONTH_NAMES = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const textDate = (day: number, month: number, year: number) =>
  `${pad(day)}${MONTH_NAMES[month - 1]}${pad(year % 100)}`;

interface Traveller {
  reference: string;
  surname: string;
  given: string;
  infant: boolean;
  withInfant: boolean;
  sex: 'M' | 'F';
  birth: [number, number, number];
}

export function generatePnrgov(index: number, reservations: number): string {
  const random = seededRandom(index * 7919 + 17);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const [from, to, carrier, number, departs, arrives] = pushFlights[index % pushFlights.length]!;
  const day = 1 + (index % 28);
  const month = 1 + (Math.floor(index / 28) % 12);
  const year = 2026;
  const flightDate = ddmmyy(day, month, year);
  const reference = `P${pad(index, 9)}`;
  const segments: string[] = [
    `UNB+UNOA:4+${carrier}PNR:ZZ+INTERDICT:ZZ+${pad(year % 100)}${pad(month)}${pad(day)}:0300+${reference}++PNRGOV`,
    `UNG+PNRGOV+${carrier}+INTERDICT+${pad(year % 100)}${pad(month)}${pad(day)}:0300+${reference}+IA+13:1`,
    `UNH+${reference}+PNRGOV:13:1:IA+${carrier}${number}/${flightDate}/${departs}`,
    'MSG+:22',
    `ORG+${carrier}:${from}+${between(10000000, 99999999)}`,
    `TVL+${flightDate}:${departs}:${flightDate}:${arrives}+${from}+${to}+${carrier}+${number}`,
    `EQN+${reservations}`,
  ];
  for (let r = 0; r < reservations; r++) {
    const locator = Math.floor(random() * 36 ** 6)
      .toString(36)
      .toUpperCase()
      .padStart(6, 'A');
    const bookedDay = between(1, 28);
    const bookedMonth = month > 1 ? month - 1 : 12;
    const bookedYear = month > 1 ? year : year - 1;
    const booked = ddmmyy(bookedDay, bookedMonth, bookedYear);
    const [city, country] = pick(cities);
    const family = pick(surnames);
    const adults = between(1, 6);
    const travellers: Traveller[] = [];
    for (let t = 0; t < adults; t++) {
      const withInfant = t === 0 && adults < 6 && random() < 0.15;
      travellers.push({
        reference: String(t + 1),
        surname: random() < 0.7 ? family : pick(surnames),
        given: pick(givenNames),
        infant: false,
        withInfant,
        sex: random() < 0.5 ? 'M' : 'F',
        birth: [between(1, 28), between(1, 12), between(1950, 2010)],
      });
      if (withInfant) {
        travellers.push({
          reference: `${t + 1}I`,
          surname: family,
          given: pick(givenNames),
          infant: true,
          withInfant: false,
          sex: random() < 0.5 ? 'M' : 'F',
          birth: [between(1, 28), between(1, 12), 2025],
        });
      }
    }
    segments.push(
      'SRC',
      `RCI+${carrier}:${locator}::${booked}:${pad(between(0, 23))}${pad(between(0, 59))}`,
      `DAT+700:${booked}:1200+710:${booked}:1300`,
      `ORG+1A:MUC+${between(10000000, 99999999)}:${city.slice(0, 3)}${carrier}0${between(1, 9)}AA+${from}++T+${country}:EUR+${pick(['A', 'B', 'C'])}${between(1000, 9999)}AA`,
      `ADD++700:${between(1, 200)} ULICA MARSALA TITA:${city}:::${country}:${between(10000, 99999)}:H00${between(300000000, 399999999)}`,
    );
    for (const traveller of travellers) {
      const [bd, bm, by] = traveller.birth;
      const nationality = pick(nationalities);
      const documentNumber = `${String.fromCharCode(65 + between(0, 25))}${between(1000000, 9999999)}`;
      const expiry = textDate(between(1, 28), between(1, 12), between(2027, 2035));
      if (traveller.infant) {
        segments.push(
          `TIF+${traveller.surname}+${traveller.given}:IN:${traveller.reference}`,
          `SSR+DOCS:HK:1:${carrier}:::::/P/${nationality}/${documentNumber}/${nationality}/${textDate(bd, bm, by)}/${traveller.sex}I/${expiry}/${traveller.surname}/${traveller.given}+::${traveller.reference}`,
        );
        continue;
      }
      const ticket = `${pad(between(100, 999), 3)}${between(1000000000, 9999999999)}`;
      const fare = between(80, 900);
      const card = random() < 0.7;
      segments.push(
        `TIF+${traveller.surname}+${traveller.given}${traveller.sex === 'M' ? 'MR' : 'MRS'}:A:${traveller.reference}${traveller.withInfant ? ':1' : ''}`,
        `FTI+${carrier}:${between(100000000, 999999999)}:::${pick(['SILVER', 'GOLD', 'ELITE'])}`,
        `IFT+4:28::${carrier}+CTCE ${traveller.given}..${traveller.surname}//${pick(mailDomains).replace('-', './')}`,
        `IFT+4:28::${carrier}+CTCM 00387${between(60000000, 69999999)}`,
        `REF+:${between(100000000, 999999999)}`,
        `FAR+A+${2026 - by}++++${pick(['YLOW', 'KSAVER', 'QFLEX'])}`,
        `SSR+DOCS:HK:1:${carrier}:::::/P/${nationality}/${documentNumber}/${nationality}/${textDate(bd, bm, by)}/${traveller.sex}/${expiry}/${traveller.surname}/${traveller.given}+::${traveller.reference}`,
        `TKT+${ticket}:T:1`,
        `MON+B:${fare}.00:EUR+T:${fare + 48}.50:EUR`,
        `PTK+NR++${booked}:1300+${carrier}+${pad(between(1, 999), 3)}+${from}`,
        `TXD++21.50::EUR:YQ+27.00::EUR:RA`,
        `DAT+710:${booked}:1300`,
        card
          ? `FOP+CC::${fare + 48}.50:${pick(['VI', 'CA', 'AX'])}:${pick(['XXXXXXXXXXXX', '411111XXXXXX'])}${between(1000, 9999)}:${pad(between(1, 12))}${between(27, 31)}`
          : `FOP+CA::${fare + 48}.50`,
        `IFT+4:43+${traveller.given} ${traveller.surname}+${between(1, 99)} BULEVAR ${city}+00387${between(30000000, 39999999)}`,
      );
    }
    const seated = travellers.filter((traveller) => !traveller.infant);
    const legs: [string, string, string, string | null, number, string, string, string][] = [];
    const feeder = feeders[from] && random() < 0.4 ? pick(feeders[from]!) : null;
    const previousDate = ddmmyy(day > 1 ? day - 1 : day, month, year);
    if (feeder) {
      legs.push([feeder[0], from, feeder[1], feeder[2], between(100, 9999), previousDate, '1810', '2040']);
    }
    legs.push([from, to, carrier, null, number, flightDate, departs, arrives]);
    if (random() < 0.5)
      legs.push([
        to,
        from,
        carrier,
        null,
        number + 1,
        ddmmyy(Math.min(day + 5, 28), month, year),
        '1500',
        '1720',
      ]);
    for (const [legFrom, legTo, marketing, operating, flight, date, leaves, lands] of legs) {
      segments.push(
        `TVL+${date}:${leaves}:${date}:${lands}+${legFrom}+${legTo}+${marketing}${operating ? `:${operating}` : ''}+${flight}:${pick(['Y', 'B', 'M', 'K'])}`,
      );
      if (operating) segments.push(`TVL+++++${between(100, 999)}:Y`);
      const seats = seated.map((_, k) => `${between(1, 32)}${'ABCDEF'[k % 6]}`);
      segments.push(
        `RPI+${seated.length}+HK`,
        `APD+${pick(['320', '321', '738', '73H', 'E95'])}`,
        `SSR+SEAT:HK:${seated.length}:${marketing}:::${legFrom}:${legTo}+${seats.map((seat, k) => `${seat}::${seated[k]!.reference}`).join('+')}`,
      );
      if (legTo !== to) continue;
      segments.push(
        `RCI+${marketing}:${locator}`,
        `DAT+2:${date}:${pad(Number(leaves.slice(0, 2)) - 2)}${leaves.slice(2)}`,
      );
      seated.forEach((traveller, k) => {
        const bags = between(0, 2);
        segments.push(
          `TRI++${between(1, 180)}:::${traveller.reference}`,
          `TIF+${traveller.surname}+${traveller.given}${traveller.sex === 'M' ? 'MR' : 'MRS'}:A:${traveller.reference}`,
          `SSD+${seats[k]}++++Y`,
        );
        if (bags > 0) {
          segments.push(
            `TBD++${bags}:${between(8, 23) * bags}:700+++${marketing}:${between(100000, 999999)}:${bags}:${to}`,
          );
        }
      });
    }
  }
  const messageSegments = segments.length - 2 + 1; // UNH..UNT inclusive
  segments.push(`UNT+${messageSegments}+${reference}`, `UNE+1+${reference}`, `UNZ+1+${reference}`);
  return `UNA:+.? '${segments.join("'\n")}'\n`;
}
