/**
 * Realistic PAXLST interchanges for benchmarks: regional routes, names with the region's spellings
 * (passports carry ICAO ASCII), documents, reservation references, seats and bags.
 */

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
  'AL HASSAN',
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
const routes: [string, string, string][] = [
  ['IST', 'SJJ', 'TK'],
  ['VIE', 'BEG', 'OS'],
  ['FRA', 'SKP', 'LH'],
  ['ZRH', 'PRN', 'LX'],
  ['DXB', 'BEG', 'FZ'],
  ['MUC', 'TGD', 'LH'],
  ['BEG', 'TIV', 'JU'],
  ['AMS', 'OHD', 'HV'],
];

/** Deterministic pseudo-random numbers, so that every run measures the same input. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4_294_967_296;
  };
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

export function generatePaxlst(index: number, travellers: number): string {
  const random = seededRandom(index + 1);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const [from, to, carrier] = routes[index % routes.length]!;
  const day = 1 + (index % 28);
  const month = 1 + (Math.floor(index / 28) % 12);
  const flightNumber = `${carrier}${pad(100 + (index % 900), 4)}`;
  const reference = `M${pad(index, 9)}`;
  const segments: string[] = [
    `UNB+UNOA:4+${carrier}API:ZZ+INTERDICT:ZZ+26${pad(month)}${pad(day)}:0600+${reference}++APIS`,
    `UNG+PAXLST+${carrier} AIRLINES+INTERDICT+26${pad(month)}${pad(day)}:0600+${reference}+UN+D:05B`,
    `UNH+${reference}+PAXLST:D:05B:UN:IATA+${flightNumber}/26${pad(month)}${pad(day)}/1200+01:F`,
    'BGM+745',
    `NAD+MS+++${carrier} API DESK`,
    'COM+38733555123:TE+38733555124:FX',
    `TDT+20+${flightNumber}+++${carrier}`,
    `LOC+125+${from}`,
    `DTM+189:26${pad(month)}${pad(day)}1200:201`,
    `LOC+87+${to}`,
    `DTM+232:26${pad(month)}${pad(day)}1425:201`,
  ];
  for (let i = 0; i < travellers; i++) {
    const sex = random() < 0.5 ? 'M' : 'F';
    const year = 40 + Math.floor(random() * 60);
    segments.push(
      `NAD+FL+++${pick(surnames)}:${pick(givenNames)}:${pick(givenNames)}+${10 + i} ULICA MARSALA TITA+SARAJEVO++71000+BIH`,
      `ATT+2++${sex}`,
      `DTM+329:${pad(year)}${pad(1 + Math.floor(random() * 12))}${pad(1 + Math.floor(random() * 28))}`,
      `MEA+CT++${Math.floor(random() * 3)}`,
      `MEA+WT++KGM:${Math.floor(random() * 30)}`,
      `LOC+178+${from}`,
      `LOC+179+${to}`,
      `NAT+2+${pick(nationalities)}`,
      `RFF+AVF:${Math.floor(random() * 36 ** 6)
        .toString(36)
        .toUpperCase()
        .padStart(6, 'X')}`,
      `RFF+SEA:${1 + Math.floor(random() * 30)}${'ABCDEF'[Math.floor(random() * 6)]}`,
      `DOC+P:110:111+${String.fromCharCode(65 + Math.floor(random() * 26))}${pad(Math.floor(random() * 1e7), 7)}${pad(i, 3)}`,
      `DTM+36:${pad(27 + Math.floor(random() * 8))}${pad(1 + Math.floor(random() * 12))}15`,
      `LOC+91+${pick(nationalities)}`,
    );
  }
  segments.push(`CNT+42:${travellers}`);
  const messageSegments = segments.length - 2 + 1; // UNH..UNT inclusive
  segments.push(`UNT+${messageSegments}+${reference}`, `UNE+1+${reference}`, `UNZ+1+${reference}`);
  return `UNA:+.? '${segments.join("'\n")}'\n`;
}
