/** Reference data seeded on first start. Administrators edit it afterwards. */

export const KOSOVO_NOTE =
  'All references to Kosovo shall be understood in the context of United Nations Security Council resolution 1244 (1999).';

export const seedJurisdictions = [
  { code: 'BA', name: 'Bosnia and Herzegovina', note: null },
  { code: 'ME', name: 'Montenegro', note: null },
  { code: 'MK', name: 'North Macedonia', note: null },
  { code: 'RS', name: 'Serbia', note: null },
  { code: 'XK', name: 'Kosovo*', note: KOSOVO_NOTE },
  { code: 'AL', name: 'Albania', note: null },
  { code: 'HR', name: 'Croatia', note: null },
];

export const seedAgencies = [
  { code: 'BA-UIO', name: 'Indirect Taxation Authority (customs)', kind: 'customs', jurisdiction_code: 'BA' },
  {
    code: 'BA-GP',
    name: 'Border Police of Bosnia and Herzegovina',
    kind: 'border-police',
    jurisdiction_code: 'BA',
  },
  {
    code: 'BA-SIPA',
    name: 'State Investigation and Protection Agency',
    kind: 'criminal-police',
    jurisdiction_code: 'BA',
  },
  { code: 'ME-UCA', name: 'Revenue and Customs Administration', kind: 'customs', jurisdiction_code: 'ME' },
  {
    code: 'ME-UP',
    name: 'Police Directorate, Border Police',
    kind: 'border-police',
    jurisdiction_code: 'ME',
  },
  { code: 'MK-CA', name: 'Customs Administration', kind: 'customs', jurisdiction_code: 'MK' },
  {
    code: 'MK-MVR',
    name: 'Ministry of Interior, Border Affairs',
    kind: 'border-police',
    jurisdiction_code: 'MK',
  },
  { code: 'RS-UC', name: 'Customs Administration', kind: 'customs', jurisdiction_code: 'RS' },
  { code: 'RS-UGP', name: 'Border Police Administration', kind: 'border-police', jurisdiction_code: 'RS' },
  { code: 'RS-UKP', name: 'Criminal Police Directorate', kind: 'criminal-police', jurisdiction_code: 'RS' },
  { code: 'XK-DK', name: 'Kosovo Customs', kind: 'customs', jurisdiction_code: 'XK' },
  {
    code: 'XK-PK',
    name: 'Kosovo Police, Border Directorate',
    kind: 'border-police',
    jurisdiction_code: 'XK',
  },
  { code: 'AL-DPD', name: 'General Directorate of Customs', kind: 'customs', jurisdiction_code: 'AL' },
  {
    code: 'AL-PSH',
    name: 'State Police, Border and Migration',
    kind: 'border-police',
    jurisdiction_code: 'AL',
  },
  { code: 'HR-CU', name: 'Customs Administration', kind: 'customs', jurisdiction_code: 'HR' },
  { code: 'HR-GP', name: 'Border Police Directorate', kind: 'border-police', jurisdiction_code: 'HR' },
];

type LocationSeed = {
  code: string;
  name: string;
  kind: 'airport' | 'seaport' | 'land-crossing' | 'office';
  iata_code: string | null;
  un_locode: string | null;
  jurisdiction_code: string;
};

export const seedLocations: LocationSeed[] = [
  {
    code: 'SJJ',
    name: 'Sarajevo International Airport',
    kind: 'airport',
    iata_code: 'SJJ',
    un_locode: 'BASJJ',
    jurisdiction_code: 'BA',
  },
  {
    code: 'BEG',
    name: 'Belgrade Nikola Tesla Airport',
    kind: 'airport',
    iata_code: 'BEG',
    un_locode: 'RSBEG',
    jurisdiction_code: 'RS',
  },
  {
    code: 'SKP',
    name: 'Skopje International Airport',
    kind: 'airport',
    iata_code: 'SKP',
    un_locode: 'MKSKP',
    jurisdiction_code: 'MK',
  },
  {
    code: 'OHD',
    name: 'Ohrid St. Paul the Apostle Airport',
    kind: 'airport',
    iata_code: 'OHD',
    un_locode: 'MKOHD',
    jurisdiction_code: 'MK',
  },
  {
    code: 'TGD',
    name: 'Podgorica Airport',
    kind: 'airport',
    iata_code: 'TGD',
    un_locode: 'METGD',
    jurisdiction_code: 'ME',
  },
  {
    code: 'TIV',
    name: 'Tivat Airport',
    kind: 'airport',
    iata_code: 'TIV',
    un_locode: 'METIV',
    jurisdiction_code: 'ME',
  },
  {
    code: 'PRN',
    name: 'Pristina International Airport',
    kind: 'airport',
    iata_code: 'PRN',
    un_locode: 'XKPRN',
    jurisdiction_code: 'XK',
  },
  {
    code: 'TIA',
    name: 'Tirana International Airport',
    kind: 'airport',
    iata_code: 'TIA',
    un_locode: 'ALTIA',
    jurisdiction_code: 'AL',
  },
  {
    code: 'MEBAR',
    name: 'Port of Bar',
    kind: 'seaport',
    iata_code: null,
    un_locode: 'MEBAR',
    jurisdiction_code: 'ME',
  },
  {
    code: 'ALDRZ',
    name: 'Port of Durrës',
    kind: 'seaport',
    iata_code: null,
    un_locode: 'ALDRZ',
    jurisdiction_code: 'AL',
  },
  {
    code: 'BA-BIJACA',
    name: 'Bijača land crossing',
    kind: 'land-crossing',
    iata_code: null,
    un_locode: null,
    jurisdiction_code: 'BA',
  },
  {
    code: 'BA-GRADISKA',
    name: 'Gradiška land crossing',
    kind: 'land-crossing',
    iata_code: null,
    un_locode: null,
    jurisdiction_code: 'BA',
  },
  {
    code: 'XK-VERMICE',
    name: 'Vermicë/Vrbnica land crossing',
    kind: 'land-crossing',
    iata_code: null,
    un_locode: null,
    jurisdiction_code: 'XK',
  },
];

/** Units: [code, name, kind, agency code, location code]. */
export const seedUnits: [string, string, string, string, string][] = [
  ['BA-PIU', 'Passenger Information Unit Bosnia and Herzegovina', 'PIU', 'BA-GP', 'SJJ'],
  ['BA-SJJ-JAITF', 'Joint Airport Interdiction Task Force Sarajevo', 'JAITF', 'BA-UIO', 'SJJ'],
  ['BA-BIJACA-PCU', 'Port Control Unit Bijača', 'PCU', 'BA-UIO', 'BA-BIJACA'],
  ['BA-GRADISKA-PCU', 'Port Control Unit Gradiška', 'PCU', 'BA-UIO', 'BA-GRADISKA'],
  ['RS-PIU', 'Passenger Information Unit Serbia', 'PIU', 'RS-UGP', 'BEG'],
  ['RS-BEG-JAITF', 'Joint Airport Interdiction Task Force Belgrade', 'JAITF', 'RS-UC', 'BEG'],
  ['RS-BEG-ACCU', 'Air Cargo Control Unit Belgrade', 'ACCU', 'RS-UC', 'BEG'],
  ['MK-PIU', 'Passenger Information Unit North Macedonia', 'PIU', 'MK-MVR', 'SKP'],
  ['MK-SKP-JAITF', 'Joint Airport Interdiction Task Force Skopje', 'JAITF', 'MK-CA', 'SKP'],
  ['MK-OHD-JAITF', 'Joint Airport Interdiction Task Force Ohrid', 'JAITF', 'MK-CA', 'OHD'],
  ['ME-PIU', 'Passenger Information Unit Montenegro', 'PIU', 'ME-UP', 'TGD'],
  ['ME-TGD-JAITF', 'Joint Airport Interdiction Task Force Podgorica', 'JAITF', 'ME-UCA', 'TGD'],
  ['ME-TIV-JAITF', 'Joint Airport Interdiction Task Force Tivat', 'JAITF', 'ME-UCA', 'TIV'],
  ['ME-BAR-PCU', 'Port Control Unit Bar', 'PCU', 'ME-UCA', 'MEBAR'],
  ['XK-VERMICE-PCU', 'Port Control Unit Vermicë/Vrbnica', 'PCU', 'XK-DK', 'XK-VERMICE'],
  ['XK-PIU', 'Passenger Information Unit Kosovo*', 'PIU', 'XK-PK', 'PRN'],
  ['AL-DRZ-PCU', 'Port Control Unit Durrës', 'PCU', 'AL-DPD', 'ALDRZ'],
  ['AL-PIU', 'Passenger Information Unit Albania', 'PIU', 'AL-PSH', 'TIA'],
];
