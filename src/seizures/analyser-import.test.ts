import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAnalyserCsv, parseAnalyserExport, parseAnalyserJson } from './analyser-import.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../../test/fixtures/seizures/${name}`, import.meta.url), 'utf8');

const HEADER =
  'device,serial_number,measured_at,operator,sample_reference,library_match,score,substance,mixture_components';

describe('analyser import, CSV', () => {
  it('reads the sample file: a match, a mixture with its components, a no-match and an inconclusive result', () => {
    const { results, problems, warnings } = parseAnalyserCsv(fixture('analyser-results.csv'));
    expect(problems).toEqual([]);
    expect(warnings).toEqual([]);
    expect(results).toHaveLength(4);
    expect(results[0]).toEqual({
      device: 'Handheld Raman analyser HR-2',
      serialNumber: 'HR2-004417',
      measuredAt: '2026-03-14T10:32:05+01:00',
      operator: 'officer.petrovic',
      sampleReference: 'RS-BEG-PCU-2026-0042/1',
      libraryMatch: 'match',
      score: 0.97,
      substance: 'Cocaine hydrochloride',
      mixtureComponents: [],
    });
    expect(results[1].mixtureComponents).toEqual([
      { substance: 'Diacetylmorphine', score: 0.62 },
      { substance: 'Paracetamol', score: 0.21 },
      { substance: 'Caffeine', score: 0.11 },
    ]);
    expect(results[2]).toMatchObject({ libraryMatch: 'no-match', mixtureComponents: [] });
    expect(results[2].substance).toBeUndefined();
    expect(results[3]).toMatchObject({
      libraryMatch: 'inconclusive',
      score: 0.41,
      operator: 'officer.hoxha',
    });
  });

  it('names the line and the column of every problem and imports the good lines', () => {
    const text = [
      HEADER,
      'HR-2,S1,2026-03-14T10:32:05+01:00,ana,,match,0.9,Cocaine,',
      'HR-2,S1,14.03.2026 10:32,ana,,match,0.9,Cocaine,',
      'HR-2,,2026-03-14T10:32:05Z,ana,,perhaps,1.7,,',
      'HR-2,S1,2026-03-14T10:32:05Z,ana,,match,,,',
      'HR-2,S1,2026-03-14T10:32:05Z,ana,,mixture,150%,Heroin,',
      'HR-2,S1,2026-03-14T10:32:05Z,ana,,no-match,,Heroin,',
      'HR-2,S1,2026-03-14T10:32:05Z,ana,,mixture,,Heroin,"a=1=2; b=x"',
    ].join('\n');
    const { results, problems } = parseAnalyserCsv(text);
    expect(results).toHaveLength(1);
    expect(problems).toEqual([
      {
        line: 3,
        field: 'measured_at',
        message: expect.stringContaining('"14.03.2026 10:32" is not an ISO 8601'),
      },
      { line: 4, field: 'serial_number', message: 'is required' },
      {
        line: 4,
        field: 'library_match',
        message: '"perhaps" is not one of match, mixture, no-match, inconclusive',
      },
      { line: 5, field: 'substance', message: 'is required' },
      { line: 6, field: 'score', message: '"150%" is not a score between 0 and 1 (or 0 % and 100 %)' },
      { line: 6, field: 'mixture_components', message: 'a mixture needs its components' },
      { line: 7, field: 'substance', message: 'a result without a library match names no substance' },
      {
        line: 8,
        field: 'mixture_components',
        message: '"a=1=2" is not written as substance or substance=score',
      },
      {
        line: 8,
        field: 'mixture_components',
        message: '"x" is not a score between 0 and 1 (or 0 % and 100 %)',
      },
    ]);
  });

  it('reads percent scores, semicolon-separated files and ignores unknown columns with a warning', () => {
    const text = [
      'Device;Serial_Number;Measured_At;Operator;Library_Match;Score;Substance;Firmware',
      'HR-2;S1;2026-03-14T10:32:05+01:00;ana;Match;93;MDMA;1.4.2',
    ].join('\r\n');
    const { results, problems, warnings } = parseAnalyserCsv(text);
    expect(problems).toEqual([]);
    expect(warnings).toEqual([{ line: 1, field: 'header', message: 'unknown column(s) ignored: firmware' }]);
    expect(results[0]).toMatchObject({ libraryMatch: 'match', score: 0.93, substance: 'MDMA' });
  });

  it('refuses a file without the required columns', () => {
    const { results, problems } = parseAnalyserCsv('device,operator\nHR-2,ana\n');
    expect(results).toEqual([]);
    expect(problems).toEqual([
      { line: 1, field: 'header', message: 'missing column(s): serial_number, measured_at, library_match' },
    ]);
  });
});

describe('analyser import, JSON', () => {
  it('reads the sample file, device given once at the top or per result', () => {
    const { results, problems } = parseAnalyserJson(fixture('analyser-results.json'));
    expect(problems).toEqual([]);
    expect(results).toEqual(
      parseAnalyserCsv(fixture('analyser-results.csv')).results.map((result, index) =>
        index === 3 ? { ...result, device: 'Handheld FTIR analyser F-1', serialNumber: 'F1-000913' } : result,
      ),
    );
  });

  it('names the path of every problem', () => {
    const text = JSON.stringify({
      format: 'interdict-analyser-results',
      version: 1,
      results: [
        {
          device: 'HR-2',
          serialNumber: 'S1',
          measuredAt: '2026-03-14T10:32:05Z',
          operator: 'ana',
          libraryMatch: 'match',
          score: 0.5,
          substance: 'Ketamine',
        },
        {
          device: 'HR-2',
          measuredAt: '2026-03-14',
          operator: 'ana',
          libraryMatch: 'mixture',
          mixtureComponents: [{ score: 0.2 }],
        },
        'not an object',
      ],
    });
    const { results, problems } = parseAnalyserJson(text);
    expect(results).toHaveLength(1);
    expect(problems.map((problem) => problem.field)).toEqual([
      'results[1].mixtureComponents[0].substance',
      'results[1].serialNumber',
      'results[1].measuredAt',
      'results[1].mixtureComponents',
      'results[2]',
    ]);
  });

  it('refuses a document that is not this format', () => {
    expect(parseAnalyserJson('{"results": []}').problems.map((p) => p.field)).toEqual(['format', 'version']);
    expect(parseAnalyserJson('[1]').problems).toEqual([{ field: '$', message: 'must be an object' }]);
    expect(parseAnalyserJson('{').problems[0].message).toMatch(/^not JSON/);
  });

  it('tells the two formats apart by their first character', () => {
    expect(parseAnalyserExport(`\uFEFF${fixture('analyser-results.json')}`).results).toHaveLength(4);
    expect(parseAnalyserExport(fixture('analyser-results.csv')).results).toHaveLength(4);
  });
});
