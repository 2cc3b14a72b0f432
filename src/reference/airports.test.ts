import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../edifact/index.js';
import { airportLocalToUtc, localToUtc } from './airports-time.js';
import { AIRPORTS, airportCountry, airportTimeZone, findAirport } from './airports.js';

describe('airport table', () => {
  it('holds the region and its hubs', () => {
    for (const code of [
      'SJJ',
      'BEG',
      'SKP',
      'OHD',
      'TGD',
      'TIV',
      'PRN',
      'TIA',
      'ZAG',
      'SPU',
      'DBV',
      'BNX',
      'TZL',
      'INI',
    ]) {
      expect(findAirport(code), code).not.toBeNull();
    }
    for (const code of [
      'IST',
      'SAW',
      'FRA',
      'MUC',
      'VIE',
      'ZRH',
      'LHR',
      'CDG',
      'AMS',
      'DXB',
      'DOH',
      'FCO',
      'ATH',
    ]) {
      expect(findAirport(code), code).not.toBeNull();
    }
    expect(findAirport('SJJ')).toEqual({
      iata: 'SJJ',
      name: 'Sarajevo International Airport',
      city: 'Sarajevo',
      countryAlpha2: 'BA',
      countryAlpha3: 'BIH',
      timeZone: 'Europe/Sarajevo',
    });
    expect(findAirport('prn')).toMatchObject({
      countryAlpha2: 'XK',
      countryAlpha3: 'XKX',
      timeZone: 'Europe/Belgrade',
    });
    expect(airportCountry('OHD')).toBe('MK');
    expect(airportTimeZone('TIA')).toBe('Europe/Tirane');
    expect(findAirport('XXX')).toBeNull();
  });

  it('has well-formed codes and only time zones the platform knows', () => {
    const codes = new Set<string>();
    for (const airport of AIRPORTS) {
      expect(airport.iata).toMatch(/^[A-Z]{3}$/);
      expect(airport.countryAlpha2).toMatch(/^[A-Z]{2}$/);
      expect(airport.countryAlpha3).toMatch(/^[A-Z]{3}$/);
      expect(() => new Intl.DateTimeFormat('en', { timeZone: airport.timeZone }), airport.iata).not.toThrow();
      codes.add(airport.iata);
    }
    expect(codes.size).toBe(AIRPORTS.length);
  });

  it('knows every airport of the sample messages (flight legs and PNR itineraries)', () => {
    const fixtures = new URL('../../test/fixtures/edifact/', import.meta.url);
    const airports = new Set<string>();
    for (const folder of ['paxlst', 'pnrgov']) {
      for (const file of readdirSync(new URL(folder, fixtures))) {
        const text = readFileSync(new URL(`${folder}/${file}`, fixtures), 'utf8');
        for (const segment of tokenize(text).segments) {
          const values =
            segment.tag === 'TVL'
              ? [segment.elements[1]?.[0], segment.elements[2]?.[0]]
              : segment.tag === 'LOC' &&
                  ['125', '87', '92', '178', '179', '22'].includes(segment.elements[0]?.[0] ?? '')
                ? [segment.elements[1]?.[0]]
                : [];
          for (const value of values) if (value && /^[A-Z]{3}$/.test(value)) airports.add(value);
        }
      }
    }
    expect(airports.size).toBeGreaterThan(25);
    expect([...airports].filter((code) => !findAirport(code))).toEqual([]);
  });
});

describe('localToUtc', () => {
  it('applies winter and summer offsets', () => {
    expect(airportLocalToUtc('2024-01-15T10:00:00', 'SJJ')).toBe('2024-01-15T09:00:00.000Z');
    expect(airportLocalToUtc('2024-07-15T10:00:00', 'SJJ')).toBe('2024-07-15T08:00:00.000Z');
    expect(airportLocalToUtc('2024-07-15T10:00:00', 'IST')).toBe('2024-07-15T07:00:00.000Z');
    expect(airportLocalToUtc('2024-07-15', 'DXB')).toBe('2024-07-14T20:00:00.000Z');
  });

  it('takes the first of a repeated hour and moves a skipped hour forward', () => {
    expect(localToUtc('2024-10-27T02:30:00', 'Europe/Skopje')).toBe('2024-10-27T00:30:00.000Z');
    expect(localToUtc('2024-03-31T02:30:00', 'Europe/Skopje')).toBe('2024-03-31T01:30:00.000Z');
    expect(localToUtc('2024-11-03T01:30:00', 'America/New_York')).toBe('2024-11-03T05:30:00.000Z');
    expect(localToUtc('2024-03-10T02:30:00', 'America/New_York')).toBe('2024-03-10T07:30:00.000Z');
    // Southern hemisphere: Santiago leaves summer time in April.
    expect(localToUtc('2024-04-06T23:30:00', 'America/Santiago')).toBe('2024-04-07T02:30:00.000Z');
  });

  it('keeps offsets that change at odd instants (Monrovia left -0:44:30 on 7 January 1972)', () => {
    // The change falls at 00:44:30 UTC, inside a quarter of an hour: cached offsets must not hide it.
    expect(localToUtc('1972-01-06T23:59:00', 'Africa/Monrovia')).toBe('1972-01-07T00:43:30.000Z');
    expect(localToUtc('1972-01-07T00:30:00', 'Africa/Monrovia')).toBe('1972-01-07T01:14:30.000Z');
    expect(localToUtc('1972-01-07T01:00:00', 'Africa/Monrovia')).toBe('1972-01-07T01:00:00.000Z');
    // Asked again, now from the cache, and in between.
    expect(localToUtc('1972-01-06T23:59:00', 'Africa/Monrovia')).toBe('1972-01-07T00:43:30.000Z');
    expect(localToUtc('1972-01-07T00:10:00', 'Africa/Monrovia')).toBe('1972-01-07T00:54:30.000Z');
    expect(localToUtc('1972-01-07T00:50:00', 'Africa/Monrovia')).toBe('1972-01-07T00:50:00.000Z');
  });

  it('agrees with the zone database at every quarter of an hour around changes of offset', () => {
    // The local wall clock of an instant, read directly from Intl: a conversion is right when
    // the instant it returns shows the asked local time (or, for a skipped time, one hour on).
    const wallClock = (instant: string, timeZone: string) => {
      const parts = new Intl.DateTimeFormat('en-CA', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
      }).formatToParts(new Date(instant));
      const part = (type: string) => parts.find((p) => p.type === type)!.value;
      return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}`;
    };
    const days = [
      ['Europe/Skopje', '2024-03-30'],
      ['Europe/Skopje', '2024-10-26'],
      ['America/New_York', '2024-03-09'],
      ['Australia/Lord_Howe', '2024-04-06'],
      ['Africa/Monrovia', '1972-01-06'],
    ];
    let skipped = 0;
    for (const [timeZone, first] of days) {
      const start = Date.parse(`${first}T00:00:00Z`);
      // Three days of local times, each quarter of an hour.
      for (let t = start; t < start + 3 * 86_400_000; t += 15 * 60_000) {
        const local = new Date(t).toISOString().slice(0, 16);
        const instant = localToUtc(`${local}:00`, timeZone!);
        expect(instant, `${timeZone} ${local}`).not.toBeNull();
        const shown = wallClock(instant!, timeZone!);
        if (shown !== local) {
          skipped++;
          // A time the clocks skipped is read with the offset before the change: it shows later.
          expect(Date.parse(`${shown}Z`), `${timeZone} ${local}`).toBeGreaterThan(t);
        }
      }
    }
    // Skopje and New York skip an hour (4 quarters each), Lord Howe none going back; Monrovia
    // skipped 44.5 minutes (3 quarters).
    expect(skipped).toBe(11);
  });

  it('returns null for an unknown zone or airport, or a malformed time', () => {
    expect(localToUtc('2024-01-01T00:00:00', 'Mars/Olympus_Mons')).toBeNull();
    expect(localToUtc('01.01.2024', 'Europe/Sarajevo')).toBeNull();
    expect(airportLocalToUtc('2024-01-01T00:00:00', 'QQQ')).toBeNull();
  });
});
