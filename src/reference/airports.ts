/**
 * A small built-in airport table: every airport of the sample messages, the region's airports
 * and the hubs their flights connect through. A full data set can replace it behind the same
 * functions.
 */

export interface Airport {
  /** IATA location identifier, e.g. "SJJ". */
  iata: string;
  name: string;
  city: string;
  /** ISO 3166-1 alpha-2 and alpha-3. Kosovo uses the user-assigned XK / XKX. */
  countryAlpha2: string;
  countryAlpha3: string;
  /** IANA time zone, e.g. "Europe/Sarajevo". */
  timeZone: string;
}

type Row = [iata: string, name: string, city: string, alpha2: string, alpha3: string, timeZone: string];

const ROWS: Row[] = [
  // Region. Kosovo* entries must be shown with the UNSCR 1244 designation note.
  ['SJJ', 'Sarajevo International Airport', 'Sarajevo', 'BA', 'BIH', 'Europe/Sarajevo'],
  ['BNX', 'Banja Luka International Airport', 'Banja Luka', 'BA', 'BIH', 'Europe/Sarajevo'],
  ['TZL', 'Tuzla International Airport', 'Tuzla', 'BA', 'BIH', 'Europe/Sarajevo'],
  ['OMO', 'Mostar International Airport', 'Mostar', 'BA', 'BIH', 'Europe/Sarajevo'],
  ['BEG', 'Belgrade Nikola Tesla Airport', 'Belgrade', 'RS', 'SRB', 'Europe/Belgrade'],
  ['INI', 'Niš Constantine the Great Airport', 'Niš', 'RS', 'SRB', 'Europe/Belgrade'],
  ['KVO', 'Morava Airport', 'Kraljevo', 'RS', 'SRB', 'Europe/Belgrade'],
  ['SKP', 'Skopje International Airport', 'Skopje', 'MK', 'MKD', 'Europe/Skopje'],
  ['OHD', 'Ohrid St. Paul the Apostle Airport', 'Ohrid', 'MK', 'MKD', 'Europe/Skopje'],
  ['TGD', 'Podgorica Airport', 'Podgorica', 'ME', 'MNE', 'Europe/Podgorica'],
  ['TIV', 'Tivat Airport', 'Tivat', 'ME', 'MNE', 'Europe/Podgorica'],
  ['PRN', 'Pristina International Airport Adem Jashari', 'Pristina', 'XK', 'XKX', 'Europe/Belgrade'],
  ['TIA', 'Tirana International Airport Nënë Tereza', 'Tirana', 'AL', 'ALB', 'Europe/Tirane'],
  ['ZAG', 'Zagreb Franjo Tuđman Airport', 'Zagreb', 'HR', 'HRV', 'Europe/Zagreb'],
  ['SPU', 'Split Airport', 'Split', 'HR', 'HRV', 'Europe/Zagreb'],
  ['DBV', 'Dubrovnik Airport', 'Dubrovnik', 'HR', 'HRV', 'Europe/Zagreb'],
  ['ZAD', 'Zadar Airport', 'Zadar', 'HR', 'HRV', 'Europe/Zagreb'],
  ['PUY', 'Pula Airport', 'Pula', 'HR', 'HRV', 'Europe/Zagreb'],
  ['RJK', 'Rijeka Airport', 'Rijeka', 'HR', 'HRV', 'Europe/Zagreb'],
  ['OSI', 'Osijek Airport', 'Osijek', 'HR', 'HRV', 'Europe/Zagreb'],
  ['LJU', 'Ljubljana Jože Pučnik Airport', 'Ljubljana', 'SI', 'SVN', 'Europe/Ljubljana'],
  ['BUD', 'Budapest Ferenc Liszt International Airport', 'Budapest', 'HU', 'HUN', 'Europe/Budapest'],
  ['SOF', 'Sofia Airport', 'Sofia', 'BG', 'BGR', 'Europe/Sofia'],
  ['OTP', 'Bucharest Henri Coandă International Airport', 'Bucharest', 'RO', 'ROU', 'Europe/Bucharest'],
  ['TSR', 'Timișoara Traian Vuia International Airport', 'Timișoara', 'RO', 'ROU', 'Europe/Bucharest'],
  ['SKG', 'Thessaloniki Airport Macedonia', 'Thessaloniki', 'GR', 'GRC', 'Europe/Athens'],
  ['ATH', 'Athens International Airport Eleftherios Venizelos', 'Athens', 'GR', 'GRC', 'Europe/Athens'],
  // Turkey, Europe.
  ['IST', 'Istanbul Airport', 'Istanbul', 'TR', 'TUR', 'Europe/Istanbul'],
  ['SAW', 'Istanbul Sabiha Gökçen International Airport', 'Istanbul', 'TR', 'TUR', 'Europe/Istanbul'],
  ['ESB', 'Ankara Esenboğa Airport', 'Ankara', 'TR', 'TUR', 'Europe/Istanbul'],
  ['AYT', 'Antalya Airport', 'Antalya', 'TR', 'TUR', 'Europe/Istanbul'],
  ['FRA', 'Frankfurt Airport', 'Frankfurt am Main', 'DE', 'DEU', 'Europe/Berlin'],
  ['MUC', 'Munich Airport', 'Munich', 'DE', 'DEU', 'Europe/Berlin'],
  ['BER', 'Berlin Brandenburg Airport', 'Berlin', 'DE', 'DEU', 'Europe/Berlin'],
  ['DUS', 'Düsseldorf Airport', 'Düsseldorf', 'DE', 'DEU', 'Europe/Berlin'],
  ['STR', 'Stuttgart Airport', 'Stuttgart', 'DE', 'DEU', 'Europe/Berlin'],
  ['HAM', 'Hamburg Airport', 'Hamburg', 'DE', 'DEU', 'Europe/Berlin'],
  ['CGN', 'Cologne Bonn Airport', 'Cologne', 'DE', 'DEU', 'Europe/Berlin'],
  ['VIE', 'Vienna International Airport', 'Vienna', 'AT', 'AUT', 'Europe/Vienna'],
  ['ZRH', 'Zurich Airport', 'Zurich', 'CH', 'CHE', 'Europe/Zurich'],
  ['GVA', 'Geneva Airport', 'Geneva', 'CH', 'CHE', 'Europe/Zurich'],
  ['LHR', 'London Heathrow Airport', 'London', 'GB', 'GBR', 'Europe/London'],
  ['LGW', 'London Gatwick Airport', 'London', 'GB', 'GBR', 'Europe/London'],
  ['STN', 'London Stansted Airport', 'London', 'GB', 'GBR', 'Europe/London'],
  ['LTN', 'London Luton Airport', 'London', 'GB', 'GBR', 'Europe/London'],
  ['DUB', 'Dublin Airport', 'Dublin', 'IE', 'IRL', 'Europe/Dublin'],
  ['CDG', 'Paris Charles de Gaulle Airport', 'Paris', 'FR', 'FRA', 'Europe/Paris'],
  ['ORY', 'Paris Orly Airport', 'Paris', 'FR', 'FRA', 'Europe/Paris'],
  ['NCE', "Nice Côte d'Azur Airport", 'Nice', 'FR', 'FRA', 'Europe/Paris'],
  ['MRS', 'Marseille Provence Airport', 'Marseille', 'FR', 'FRA', 'Europe/Paris'],
  ['AMS', 'Amsterdam Airport Schiphol', 'Amsterdam', 'NL', 'NLD', 'Europe/Amsterdam'],
  ['BRU', 'Brussels Airport', 'Brussels', 'BE', 'BEL', 'Europe/Brussels'],
  ['CPH', 'Copenhagen Airport', 'Copenhagen', 'DK', 'DNK', 'Europe/Copenhagen'],
  ['ARN', 'Stockholm Arlanda Airport', 'Stockholm', 'SE', 'SWE', 'Europe/Stockholm'],
  ['OSL', 'Oslo Airport Gardermoen', 'Oslo', 'NO', 'NOR', 'Europe/Oslo'],
  ['HEL', 'Helsinki Airport', 'Helsinki', 'FI', 'FIN', 'Europe/Helsinki'],
  ['KEF', 'Keflavík International Airport', 'Reykjavík', 'IS', 'ISL', 'Atlantic/Reykjavik'],
  ['MAD', 'Adolfo Suárez Madrid–Barajas Airport', 'Madrid', 'ES', 'ESP', 'Europe/Madrid'],
  ['BCN', 'Josep Tarradellas Barcelona–El Prat Airport', 'Barcelona', 'ES', 'ESP', 'Europe/Madrid'],
  ['LIS', 'Lisbon Humberto Delgado Airport', 'Lisbon', 'PT', 'PRT', 'Europe/Lisbon'],
  ['FCO', 'Rome Fiumicino Leonardo da Vinci Airport', 'Rome', 'IT', 'ITA', 'Europe/Rome'],
  ['MXP', 'Milan Malpensa Airport', 'Milan', 'IT', 'ITA', 'Europe/Rome'],
  ['BGY', 'Milan Bergamo Airport', 'Bergamo', 'IT', 'ITA', 'Europe/Rome'],
  ['VCE', 'Venice Marco Polo Airport', 'Venice', 'IT', 'ITA', 'Europe/Rome'],
  ['WAW', 'Warsaw Chopin Airport', 'Warsaw', 'PL', 'POL', 'Europe/Warsaw'],
  ['PRG', 'Václav Havel Airport Prague', 'Prague', 'CZ', 'CZE', 'Europe/Prague'],
  ['SVO', 'Sheremetyevo International Airport', 'Moscow', 'RU', 'RUS', 'Europe/Moscow'],
  // Middle East, Africa.
  ['DXB', 'Dubai International Airport', 'Dubai', 'AE', 'ARE', 'Asia/Dubai'],
  ['AUH', 'Zayed International Airport', 'Abu Dhabi', 'AE', 'ARE', 'Asia/Dubai'],
  ['DOH', 'Hamad International Airport', 'Doha', 'QA', 'QAT', 'Asia/Qatar'],
  ['KWI', 'Kuwait International Airport', 'Kuwait City', 'KW', 'KWT', 'Asia/Kuwait'],
  ['TLV', 'Ben Gurion Airport', 'Tel Aviv', 'IL', 'ISR', 'Asia/Jerusalem'],
  ['CAI', 'Cairo International Airport', 'Cairo', 'EG', 'EGY', 'Africa/Cairo'],
  ['CMN', 'Mohammed V International Airport', 'Casablanca', 'MA', 'MAR', 'Africa/Casablanca'],
  ['DJE', 'Djerba–Zarzis International Airport', 'Djerba', 'TN', 'TUN', 'Africa/Tunis'],
  ['NBE', 'Enfidha–Hammamet International Airport', 'Enfidha', 'TN', 'TUN', 'Africa/Tunis'],
  ['ADD', 'Addis Ababa Bole International Airport', 'Addis Ababa', 'ET', 'ETH', 'Africa/Addis_Ababa'],
  ['LOS', 'Murtala Muhammed International Airport', 'Lagos', 'NG', 'NGA', 'Africa/Lagos'],
  ['ACC', 'Kotoka International Airport', 'Accra', 'GH', 'GHA', 'Africa/Accra'],
  ['JNB', 'O. R. Tambo International Airport', 'Johannesburg', 'ZA', 'ZAF', 'Africa/Johannesburg'],
  ['KIM', 'Kimberley Airport', 'Kimberley', 'ZA', 'ZAF', 'Africa/Johannesburg'],
  ['WDH', 'Hosea Kutako International Airport', 'Windhoek', 'NA', 'NAM', 'Africa/Windhoek'],
  ['MPM', 'Maputo International Airport', 'Maputo', 'MZ', 'MOZ', 'Africa/Maputo'],
  // Asia, Oceania.
  ['SIN', 'Singapore Changi Airport', 'Singapore', 'SG', 'SGP', 'Asia/Singapore'],
  ['ICN', 'Incheon International Airport', 'Seoul', 'KR', 'KOR', 'Asia/Seoul'],
  ['HKG', 'Hong Kong International Airport', 'Hong Kong', 'HK', 'HKG', 'Asia/Hong_Kong'],
  ['PEK', 'Beijing Capital International Airport', 'Beijing', 'CN', 'CHN', 'Asia/Shanghai'],
  ['PVG', 'Shanghai Pudong International Airport', 'Shanghai', 'CN', 'CHN', 'Asia/Shanghai'],
  ['NRT', 'Narita International Airport', 'Tokyo', 'JP', 'JPN', 'Asia/Tokyo'],
  ['BKK', 'Suvarnabhumi Airport', 'Bangkok', 'TH', 'THA', 'Asia/Bangkok'],
  ['DEL', 'Indira Gandhi International Airport', 'Delhi', 'IN', 'IND', 'Asia/Kolkata'],
  ['OOL', 'Gold Coast Airport', 'Gold Coast', 'AU', 'AUS', 'Australia/Brisbane'],
  ['SYD', 'Sydney Kingsford Smith Airport', 'Sydney', 'AU', 'AUS', 'Australia/Sydney'],
  // Americas.
  ['JFK', 'John F. Kennedy International Airport', 'New York', 'US', 'USA', 'America/New_York'],
  ['EWR', 'Newark Liberty International Airport', 'Newark', 'US', 'USA', 'America/New_York'],
  ['IAD', 'Washington Dulles International Airport', 'Washington', 'US', 'USA', 'America/New_York'],
  ['ATL', 'Hartsfield–Jackson Atlanta International Airport', 'Atlanta', 'US', 'USA', 'America/New_York'],
  ['MIA', 'Miami International Airport', 'Miami', 'US', 'USA', 'America/New_York'],
  ['ORD', "Chicago O'Hare International Airport", 'Chicago', 'US', 'USA', 'America/Chicago'],
  ['MSP', 'Minneapolis–Saint Paul International Airport', 'Minneapolis', 'US', 'USA', 'America/Chicago'],
  ['DFW', 'Dallas Fort Worth International Airport', 'Dallas', 'US', 'USA', 'America/Chicago'],
  ['LAX', 'Los Angeles International Airport', 'Los Angeles', 'US', 'USA', 'America/Los_Angeles'],
  ['LAS', 'Harry Reid International Airport', 'Las Vegas', 'US', 'USA', 'America/Los_Angeles'],
  ['YYZ', 'Toronto Pearson International Airport', 'Toronto', 'CA', 'CAN', 'America/Toronto'],
  ['YUL', 'Montréal–Trudeau International Airport', 'Montreal', 'CA', 'CAN', 'America/Toronto'],
  ['YVR', 'Vancouver International Airport', 'Vancouver', 'CA', 'CAN', 'America/Vancouver'],
  ['MEX', 'Mexico City International Airport', 'Mexico City', 'MX', 'MEX', 'America/Mexico_City'],
  ['MTY', 'Monterrey International Airport', 'Monterrey', 'MX', 'MEX', 'America/Monterrey'],
  ['CUN', 'Cancún International Airport', 'Cancún', 'MX', 'MEX', 'America/Cancun'],
  ['MBJ', 'Sangster International Airport', 'Montego Bay', 'JM', 'JAM', 'America/Jamaica'],
  ['PTY', 'Tocumen International Airport', 'Panama City', 'PA', 'PAN', 'America/Panama'],
  ['BOG', 'El Dorado International Airport', 'Bogotá', 'CO', 'COL', 'America/Bogota'],
  ['GYE', 'José Joaquín de Olmedo International Airport', 'Guayaquil', 'EC', 'ECU', 'America/Guayaquil'],
  ['GEO', 'Cheddi Jagan International Airport', 'Georgetown', 'GY', 'GUY', 'America/Guyana'],
  ['LIM', 'Jorge Chávez International Airport', 'Lima', 'PE', 'PER', 'America/Lima'],
  ['GRU', 'São Paulo/Guarulhos International Airport', 'São Paulo', 'BR', 'BRA', 'America/Sao_Paulo'],
  ['GIG', 'Rio de Janeiro/Galeão International Airport', 'Rio de Janeiro', 'BR', 'BRA', 'America/Sao_Paulo'],
  [
    'EZE',
    'Ministro Pistarini International Airport',
    'Buenos Aires',
    'AR',
    'ARG',
    'America/Argentina/Buenos_Aires',
  ],
  ['SCL', 'Arturo Merino Benítez International Airport', 'Santiago', 'CL', 'CHL', 'America/Santiago'],
];

const BY_IATA = new Map<string, Airport>(
  ROWS.map(([iata, name, city, countryAlpha2, countryAlpha3, timeZone]) => [
    iata,
    Object.freeze({ iata, name, city, countryAlpha2, countryAlpha3, timeZone }),
  ]),
);

export const AIRPORTS: readonly Airport[] = Object.freeze([...BY_IATA.values()]);

/** The airport with this IATA code (case and surrounding spaces ignored), or null. */
export function findAirport(iata: string): Airport | null {
  const key = iata.length === 3 ? iata : iata.trim();
  return BY_IATA.get(key) ?? BY_IATA.get(key.toUpperCase()) ?? null;
}

/** IANA time zone of the airport, or null when the airport is not in the table. */
export function airportTimeZone(iata: string): string | null {
  return findAirport(iata)?.timeZone ?? null;
}

/** ISO 3166-1 alpha-2 country of the airport, or null when the airport is not in the table. */
export function airportCountry(iata: string): string | null {
  return findAirport(iata)?.countryAlpha2 ?? null;
}
