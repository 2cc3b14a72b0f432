import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseUnConsolidatedList } from './un-xml.js';

const sample = readFileSync(
  new URL('../../test/fixtures/watchlists/un-consolidated-sample.xml', import.meta.url),
  'utf8',
);

describe('parseUnConsolidatedList', () => {
  const parsed = parseUnConsolidatedList(sample);

  it('reads individuals with aliases, original script, dates, nationalities and documents', () => {
    expect(parsed.errors).toEqual([]);
    expect(parsed.generatedAt).toBe('2026-05-08T23:00:06.922Z');
    const aamir = parsed.entries.find((e) => e.externalId === '2999482')!;
    expect(aamir).toMatchObject({
      kind: 'person',
      primaryName: 'AAMIR ALI CHAUDHRY',
      originalScriptNames: ['عامر علی چوہدری'],
      datesOfBirth: ['1986-08-03'],
      nationalities: ['Pakistan'],
      category: 'Al-Qaida',
      sourceReference: 'QDi.312',
      validFrom: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    expect(aamir.aliases.map((a) => a.name)).toEqual(
      expect.arrayContaining(['Aamir Ali Chaudary', 'Amir Ali Chaudry', 'Huzaifa']),
    );
    expect(aamir.documents).toEqual([
      { type: 'Passport', number: 'BN 4196361', issuingState: 'Pakistan', note: 'expiring 27 Oct. 2013' },
      {
        type: 'National Identification Number',
        number: '33202-7126636-9',
        issuingState: 'Pakistan',
        note: null,
      },
    ]);
  });

  it('turns a range of birth years into every year of it, and trims stray spaces in names', () => {
    const abderrahmane = parsed.entries.find((e) => e.externalId === '3012888')!;
    expect(abderrahmane.datesOfBirth).toEqual(['1977', '1978', '1979', '1980', '1981', '1982']);
    const gedo = parsed.entries.find((e) => e.externalId === '6909526')!;
    expect(gedo.primaryName).toBe('GEDO HAMDAN AHMED');
    expect(gedo.sex).toBe('M');
    expect(gedo.aliases).toEqual([{ name: 'ABU NASHUK', quality: 'Good' }]);
  });

  it('reads entities as organisations', () => {
    const entity = parsed.entries.find((e) => e.externalId === '6908409')!;
    expect(entity).toMatchObject({
      kind: 'organisation',
      primaryName: 'ABDALLAH AZZAM BRIGADES (AAB)',
      sourceReference: 'QDe.144',
    });
    expect(entity.aliases.length).toBeGreaterThan(0);
  });

  it('reads a listing date written with a UTC offset as the date', () => {
    const offset = sample.replace(/<LISTED_ON>[^<]*<\/LISTED_ON>/, '<LISTED_ON>2015-03-27-04:00</LISTED_ON>');
    expect(parseUnConsolidatedList(offset).entries[0].validFrom).toBe('2015-03-27');
  });

  it('says where a broken file breaks, and refuses other XML', () => {
    const broken = parseUnConsolidatedList(sample.slice(0, 2000));
    expect(broken.entries).toEqual([]);
    expect(broken.errors[0]!.where).toMatch(/^line \d+, column \d+$/);
    const other = parseUnConsolidatedList('<?xml version="1.0"?><rsm:Waybill xmlns:rsm="x"/>');
    expect(other.errors[0]!.message).toMatch(/CONSOLIDATED_LIST/);
  });
});
