import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeEdifactBytes, sniffSyntaxIdentifier } from './decode.js';
import { detectMessageTypes, looksLikeEdifact } from './message-type.js';

const fixturesUrl = new URL('../../test/fixtures/edifact/', import.meta.url);
const bytesOf = (path: string) => readFileSync(new URL(path, fixturesUrl));
const fixture = (path: string) => decodeEdifactBytes(bytesOf(path)).text;

describe('detectMessageTypes', () => {
  it('names the PAXLST and PNRGOV versions of the real samples', () => {
    expect(detectMessageTypes(fixture('paxlst/Test3.txt'))).toEqual([
      {
        type: 'PAXLST',
        version: 'D',
        release: '02B',
        agency: 'UN',
        associationCode: 'IATA',
        identifier: 'PAXLST:D:02B:UN:IATA',
        count: 1,
      },
    ]);
    expect(
      detectMessageTypes(fixture('pnrgov/pnrWithIFTSegment.txt')).map((type) => type.identifier),
    ).toEqual(['PNRGOV:13:1:IA']);
    expect(detectMessageTypes(fixture('pnrgov/3_pnrs.edi'))).toEqual([
      expect.objectContaining({
        identifier: 'PNRGOV:11:1:IA',
        version: '11',
        release: '1',
        agency: 'IA',
        count: 1,
      }),
    ]);
  });

  it('finds a PAXLST or PNRGOV type in every sample of its folder', () => {
    for (const folder of ['paxlst', 'pnrgov']) {
      for (const file of readdirSync(new URL(folder, fixturesUrl))) {
        const types = detectMessageTypes(fixture(`${folder}/${file}`));
        expect(
          types.map((type) => type.type),
          file,
        ).toEqual([folder.toUpperCase()]);
      }
    }
  });

  it('lists each distinct message type of a mixed interchange, e.g. CUSCAR', () => {
    const text =
      "UNB+UNOC:3+A+B+240301:0915+1'UNH+1+CUSCAR:D:95B:UN'BGM+85'UNT+3+1'UNH+2+PAXLST:D:05B:UN:IATA'UNT+2+2'UNH+3+CUSCAR:D:95B:UN'UNT+2+3'UNZ+3+1'";
    expect(detectMessageTypes(text).map(({ identifier, count }) => [identifier, count])).toEqual([
      ['CUSCAR:D:95B:UN', 2],
      ['PAXLST:D:05B:UN:IATA', 1],
    ]);
    expect(detectMessageTypes('not edifact at all')).toEqual([]);
  });
});

describe('looksLikeEdifact', () => {
  it('recognises interchanges that start with UNA, UNB or UNH after a BOM or spaces', () => {
    expect(looksLikeEdifact(fixture('paxlst/apisMessage.txt'))).toBe(true);
    expect(looksLikeEdifact(fixture('paxlst/flight1.txt'))).toBe(true);
    expect(looksLikeEdifact('\uFEFF\r\nUNH+1+PAXLST')).toBe(true);
    expect(looksLikeEdifact('UNA:-.? *UNB-IATA:1')).toBe(true);
  });

  it('rejects other formats', () => {
    expect(looksLikeEdifact('<?xml version="1.0"?>')).toBe(false);
    expect(looksLikeEdifact('FWB/16\n176-12345675')).toBe(false);
    expect(looksLikeEdifact('UNBELIEVABLE')).toBe(false);
    expect(looksLikeEdifact('')).toBe(false);
  });
});

describe('decodeEdifactBytes', () => {
  it('reads UTF-8 as UTF-8 (the typographic quote of infant.edi stays one character)', () => {
    const decoded = decodeEdifactBytes(bytesOf('pnrgov/infant.edi'));
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.text.slice(0, 9)).toBe('UNA:+.\\*\u2019');
  });

  it('falls back to the single-byte set of the syntax identifier when the bytes are not UTF-8', () => {
    const decoded = decodeEdifactBytes(bytesOf('paxlst/Test3.txt'));
    expect(decoded).toMatchObject({ encoding: 'windows-1252', declaredSyntax: 'UNOA' });
    expect(decoded.text.includes('NAD+FL+++Nov\u2021k:Jeffrey:Pat')).toBe(true);

    const cyrillic = Uint8Array.from([
      ...Buffer.from("UNB+UNOE:3+A+B+240301:0915+1'NAD+FL+++"),
      0xa2,
      0xde,
      0xe0,
    ]);
    expect(decodeEdifactBytes(cyrillic)).toMatchObject({ encoding: 'iso-8859-5', declaredSyntax: 'UNOE' });
    expect(decodeEdifactBytes(cyrillic).text.endsWith('Ђор')).toBe(true);
    const latin2 = Uint8Array.from([...Buffer.from("UNA:+.? 'UNB+UNOD:3+A+B'NAD+FL+++"), 0xa9, 0xe6]);
    expect(decodeEdifactBytes(latin2).text.endsWith('Šć')).toBe(true);
  });

  it('finds the syntax identifier whatever the separators', () => {
    expect(sniffSyntaxIdentifier(Buffer.from('UNA:-.? *UNB-IATA:1-DL'))).toBe('IATA');
    expect(sniffSyntaxIdentifier(Buffer.from('UNH+1+PAXLST'))).toBeNull();
  });
});
