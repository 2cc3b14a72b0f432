import { describe, expect, it } from 'vitest';
import { componentValue } from './segment-values.js';
import { issueAt } from './issues.js';
import { readInterchangeMessages, type EdifactFormat } from './interchange-messages.js';

/** A sea manifest format as small as a test needs: each message's document number and dates. */
interface Manifest {
  reference: string;
  documentNumber: string;
  groupReference: string | null;
  referenceDay: number;
}

function manifestFormat(overrides: Partial<EdifactFormat<Manifest>> = {}): EdifactFormat<Manifest> {
  return {
    messageType: 'CUSCAR',
    readMessage(message, context) {
      const bgm = message.segments.find((segment) => segment.tag === 'BGM');
      if (!bgm) context.errors.push(issueAt(message.header, 'no-bgm', 'no BGM'));
      for (const segment of message.segments)
        if (segment.tag === 'FTX') {
          // Two issues found at one segment, the later column first.
          context.warnings.push({ ...issueAt(segment, 'late', 'later column'), column: 9 });
          context.warnings.push({ ...issueAt(segment, 'early', 'earlier column'), column: 2 });
        }
      return {
        reference: message.reference,
        documentNumber: bgm ? componentValue(bgm, 1, 0) : '',
        groupReference: message.groupReference,
        referenceDay: context.referenceDay,
      };
    },
    ...overrides,
  };
}

const interchange = (date: string, ...messages: string[]) =>
  [`UNB+UNOC:3+PORTBAR:ZZ+CUSTOMSME:ZZ+${date}+IC7'`, ...messages, `UNZ+${messages.length}+IC7'`].join('\n');
const cuscar = (reference: string, body: string) =>
  `UNH+${reference}+CUSCAR:D:95B:UN'${body}'UNT+${body.split("'").length + 2}+${reference}'`;

describe('readInterchangeMessages', () => {
  it("hands each message of the format's type to its reader, in groups or not, with the envelope's facts", () => {
    const text = [
      "UNB+UNOC:3+PORTBAR:ZZ+CUSTOMSME:ZZ+261205:0930+IC7'",
      "UNG+CUSCAR+PORTBAR+CUSTOMSME+261205:0930+G1+UN+D:95B'",
      cuscar('M1', 'BGM+85+MANIFEST-1'),
      cuscar('M2', 'BGM+85+MANIFEST-2'),
      "UNE+2+G1'",
      "UNZ+1+IC7'",
    ].join('\n');
    const reading = readInterchangeMessages(text, manifestFormat());
    expect(reading.errors).toEqual([]);
    expect(reading).toMatchObject({
      sender: 'PORTBAR',
      recipient: 'CUSTOMSME',
      preparedAt: '2026-12-05T09:30:00',
      interchangeReference: 'IC7',
    });
    expect(reading.messages).toEqual([
      { reference: 'M1', documentNumber: 'MANIFEST-1', groupReference: 'G1', referenceDay: 20261205 },
      { reference: 'M2', documentNumber: 'MANIFEST-2', groupReference: 'G1', referenceDay: 20261205 },
    ]);
  });

  it('refuses a message of another type with an error at its UNH, and reads the others', () => {
    const text = interchange(
      '261205:0930',
      cuscar('M1', 'BGM+85+MANIFEST-1'),
      "UNH+P1+PAXLST:D:05B:UN:IATA'BGM+745'UNT+3+P1'",
    );
    const reading = readInterchangeMessages(text, manifestFormat());
    expect(reading.messages.map((message) => message.reference)).toEqual(['M1']);
    expect(reading.errors).toEqual([
      {
        segment: 5,
        line: 3,
        column: 1,
        tag: 'UNH',
        code: 'not-cuscar',
        message: 'message "P1" is a PAXLST: expected CUSCAR',
      },
    ]);
  });

  it('places two-digit years against the day asked for, else the UNB date, else today', () => {
    const text = interchange('991231:2300', cuscar('M1', 'BGM+85+X'));
    expect(readInterchangeMessages(text, manifestFormat()).messages[0]!.referenceDay).toBe(19991231);
    const asked = readInterchangeMessages(text, manifestFormat(), {
      referenceDate: new Date('2026-06-01T12:00:00Z'),
    });
    expect(asked.messages[0]!.referenceDay).toBe(20260601);
    expect(asked.preparedAt).toBe('1999-12-31T23:00:00');

    const undated = readInterchangeMessages(
      interchange('261332:0930', cuscar('M1', 'BGM+85+X')),
      manifestFormat(),
      {
        referenceDate: new Date('2026-06-01T12:00:00Z'),
      },
    );
    expect(undated.preparedAt).toBeNull();
    expect(undated.messages[0]!.referenceDay).toBe(20260601);
    expect(undated.warnings).toEqual([
      expect.objectContaining({
        segment: 1,
        tag: 'UNB',
        code: 'invalid-date',
        message: 'UNB preparation date/time: "2613320930" has no valid month (13)',
      }),
    ]);
  });

  it('orders issues by segment, keeping the order found within one, or by segment, line and column', () => {
    const text = interchange('261205:0930', cuscar('M1', 'FTX+AAA+++LATE NOTE'), cuscar('M2', 'BGM+85+X'));
    const found = readInterchangeMessages(text, manifestFormat());
    expect(found.errors.map((issue) => [issue.segment, issue.code])).toEqual([[2, 'no-bgm']]);
    expect(found.warnings.map((issue) => issue.code)).toEqual(['late', 'early']);
    const placed = readInterchangeMessages(text, manifestFormat({ issueOrder: 'position' }));
    expect(placed.warnings.map((issue) => issue.code)).toEqual(['early', 'late']);
  });

  it("holds every message to the format's element bounds, as errors at the segment", () => {
    const format = manifestFormat({
      elementBounds: new Map([['BGM', [{ element: 2, component: 1, max: 10, what: 'a document number' }]]]),
    });
    const text = interchange(
      '261205:0930',
      cuscar('M1', 'BGM+85+MANIFEST-1'),
      cuscar('M2', 'BGM+85+MANIFEST-22'),
    );
    const reading = readInterchangeMessages(text, format);
    expect(reading.errors).toEqual([
      expect.objectContaining({
        segment: 6,
        tag: 'BGM',
        code: 'element-too-long',
        message:
          'BGM element 2, component 1 is 11 characters long: a document number may not be longer than 10',
      }),
    ]);
    // The reader still reads it: whether anything is stored is the ingest's call (errors: rejected).
    expect(reading.messages).toHaveLength(2);
  });

  it('lets the format check across all its messages once they are read', () => {
    const seen: number[] = [];
    const format = manifestFormat({
      finish(reading, read) {
        seen.push(reading.messages.length, read.messages.length);
        if (reading.messages.every((message) => message.documentNumber === ''))
          reading.errors.push(issueAt(read.header!, 'no-documents', 'no document in any message'));
      },
    });
    const text = interchange('261205:0930', cuscar('M1', 'FTX+AAA+++A'), cuscar('M2', 'FTX+AAA+++B'));
    const reading = readInterchangeMessages(text, format);
    expect(seen).toEqual([2, 2]);
    // Sorted with the rest: the check's error at UNB comes before the messages' own.
    expect(reading.errors.map((issue) => issue.code)).toEqual(['no-documents', 'no-bgm', 'no-bgm']);
  });

  it('gives an interchange with no message at all its envelope errors and no message', () => {
    const reading = readInterchangeMessages("UNB+UNOC:3+A+B+261205:0930+1'UNZ+0+1'", manifestFormat());
    expect(reading.messages).toEqual([]);
    expect(reading.errors.length).toBeGreaterThan(0);
  });
});
