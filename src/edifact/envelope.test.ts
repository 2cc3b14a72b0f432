import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeEdifactBytes } from './decode.js';
import { readInterchange } from './envelope.js';

const fixture = (path: string) =>
  decodeEdifactBytes(readFileSync(new URL(`../../test/fixtures/edifact/${path}`, import.meta.url))).text;

const codes = (issues: { code?: string }[]) => issues.map((issue) => issue.code);

const twoGroups = [
  "UNB+UNOC:3+SENDER:ZZ+RECEIVER:ZZ+240301:0915+REF1'",
  "UNG+PAXLST+SENDER+RECEIVER+240301:0915+G1+UN+D:05B'",
  "UNH+M1+PAXLST:D:05B:UN:IATA'BGM+745'UNT+3+M1'",
  "UNH+M2+PAXLST:D:05B:UN:IATA'BGM+250'CNT+41:0'UNT+4+M2'",
  "UNE+2+G1'",
  "UNG+PNRGOV+SENDER+RECEIVER+240301:0915+G2+IA+13:1'",
  "UNH+P1+PNRGOV:13:1:IA'MSG+:22'UNT+3+P1'",
  "UNE+1+G2'",
  "UNZ+2+REF1'",
].join('\n');

describe('readInterchange', () => {
  it('reads interchange, groups and several messages with their headers', () => {
    const interchange = readInterchange(twoGroups);
    expect(interchange.errors).toEqual([]);
    expect(interchange.warnings).toEqual([]);
    expect(interchange).toMatchObject({
      syntaxIdentifier: 'UNOC',
      syntaxVersion: '3',
      sender: 'SENDER',
      recipient: 'RECEIVER',
      preparationDate: '240301',
      preparationTime: '0915',
      reference: 'REF1',
    });
    expect(
      interchange.groups.map(({ messageType, reference, messageCount }) => [
        messageType,
        reference,
        messageCount,
      ]),
    ).toEqual([
      ['PAXLST', 'G1', 2],
      ['PNRGOV', 'G2', 1],
    ]);
    expect(
      interchange.messages.map(({ reference, type, identifier, groupReference, segments }) => ({
        reference,
        type,
        identifier,
        groupReference,
        tags: segments.map((segment) => segment.tag),
      })),
    ).toEqual([
      {
        reference: 'M1',
        type: 'PAXLST',
        identifier: 'PAXLST:D:05B:UN:IATA',
        groupReference: 'G1',
        tags: ['BGM'],
      },
      {
        reference: 'M2',
        type: 'PAXLST',
        identifier: 'PAXLST:D:05B:UN:IATA',
        groupReference: 'G1',
        tags: ['BGM', 'CNT'],
      },
      { reference: 'P1', type: 'PNRGOV', identifier: 'PNRGOV:13:1:IA', groupReference: 'G2', tags: ['MSG'] },
    ]);
  });

  it('warns on every count and reference mismatch, pointing at the trailer', () => {
    const text = twoGroups
      .replace("UNT+3+M1'", "UNT+5+M9'")
      .replace("UNE+2+G1'", "UNE+3+G7'")
      .replace("UNZ+2+REF1'", "UNZ+1+REF2'");
    const interchange = readInterchange(text);
    expect(interchange.errors).toEqual([]);
    expect(interchange.warnings.map(({ code, tag, line }) => ({ code, tag, line }))).toEqual([
      { code: 'unt-count-mismatch', tag: 'UNT', line: 3 },
      { code: 'unt-reference-mismatch', tag: 'UNT', line: 3 },
      { code: 'une-count-mismatch', tag: 'UNE', line: 5 },
      { code: 'une-reference-mismatch', tag: 'UNE', line: 5 },
      { code: 'unz-count-mismatch', tag: 'UNZ', line: 9 },
      { code: 'unz-reference-mismatch', tag: 'UNZ', line: 9 },
    ]);
    expect(interchange.warnings[0].message).toBe(
      'UNT declares 5 segments but message "M1" has 3 (UNH to UNT)',
    );
    expect(interchange.warnings[1].message).toContain('expected "M1"');
  });

  it('counts messages in UNZ when there is no group', () => {
    const text =
      "UNB+UNOA:4+A+B+200130:0300+9'UNH+1+PAXLST:D:02B:UN:IATA'UNT+2+1'UNH+2+PAXLST:D:02B:UN:IATA'UNT+2+2'UNZ+2+9'";
    expect(readInterchange(text).warnings).toEqual([]);
    expect(codes(readInterchange(text.replace("UNZ+2+9'", "UNZ+X+9'")).warnings)).toEqual([
      'unz-count-invalid',
    ]);
  });

  it('makes the absence of any message an error, and missing envelopes warnings', () => {
    const noMessage = readInterchange("UNB+UNOA:4+A+B+200130:0300+9'UNZ+0+9'");
    expect(noMessage.errors).toEqual([
      expect.objectContaining({
        code: 'missing-unh',
        segment: 2,
        tag: 'UNZ',
        message: expect.stringContaining('expected a message header (UNH)'),
      }),
    ]);
    expect(codes(readInterchange('').errors)).toEqual(['empty-input']);
    expect(codes(readInterchange('hello world').errors)).toEqual(['empty-input']);
    expect(codes(readInterchange("hello+world'").errors)).toEqual(['missing-unh']);

    const bare = readInterchange("UNH+1+PAXLST:D:02B:UN:IATA'BGM+745'NAD+FL+++DOE'");
    expect(bare.errors).toEqual([]);
    expect(codes(bare.warnings)).toEqual(['missing-unb', 'missing-unt']);
    expect(bare.messages[0].segments.map((segment) => segment.tag)).toEqual(['BGM', 'NAD']);
  });

  it('closes a message without UNT at the next UNH and keeps both', () => {
    const interchange = readInterchange(
      "UNB+UNOA:4+A+B+200130:0300+9'UNH+1+PAXLST'BGM+745'UNH+2+PAXLST'UNT+2+2'UNZ+2+9'",
    );
    expect(interchange.messages.map((message) => message.reference)).toEqual(['1', '2']);
    expect(interchange.warnings).toEqual([
      expect.objectContaining({
        code: 'missing-unt',
        segment: 2,
        message: expect.stringContaining('expected UNT before the next UNH'),
      }),
    ]);
  });

  it('warns once about segments outside messages and about segments after UNZ', () => {
    const interchange = readInterchange(
      "UNB+UNOA:4+A+B+200130:0300+9'BGM+745'NAD+FL'UNH+1+X'UNT+2+1'UNZ+1+9'FTX+X'",
    );
    expect(codes(interchange.warnings)).toEqual(['segment-outside-message', 'segment-after-unz']);
  });

  it('reports the inconsistent trailers of a real sample (Test1.txt) as warnings', () => {
    const interchange = readInterchange(fixture('paxlst/Test1.txt'));
    expect(interchange.errors).toEqual([]);
    expect(interchange.sender).toBe('APIS*C3K');
    expect(interchange.messages).toHaveLength(1);
    expect(
      interchange.warnings.map(({ code, segment, line, column }) => ({ code, segment, line, column })),
    ).toEqual([
      { code: 'unt-count-mismatch', segment: 109, line: 1, column: 1793 },
      { code: 'une-reference-mismatch', segment: 110, line: 1, column: 1816 },
      { code: 'unz-reference-mismatch', segment: 111, line: 1, column: 1833 },
    ]);
    expect(interchange.warnings[0].message).toBe(
      'UNT declares 152 segments but message "1402010600" has 107 (UNH to UNT)',
    );
  });

  it('reads every real sample without an error', () => {
    for (const path of [
      'paxlst/Test3.txt',
      'paxlst/apisMessage.txt',
      'paxlst/flight1.txt',
      'paxlst/multiple_flight_leg_apis.txt',
      'pnrgov/pnrBadFormat.txt',
      'pnrgov/3_pnrs.edi',
      'pnrgov/pnrWithIFTSegment.txt',
    ]) {
      const interchange = readInterchange(fixture(path));
      expect(interchange.errors, path).toEqual([]);
      expect(interchange.messages.length, path).toBeGreaterThan(0);
    }
    expect(readInterchange(fixture('paxlst/Test1.txt')).groups).toHaveLength(1);
  });
});
