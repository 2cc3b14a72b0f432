import { describe, expect, it } from 'vitest';
import { MAX_COMPONENT_LENGTH } from './element-length.js';
import { tokenize, tokenizeInto } from './index.js';

const letters = (count: number) => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.repeat(Math.ceil(count / 26)).slice(0, count);

describe('component length bound', () => {
  it('rejects a component longer than any element may be, saying where', () => {
    const text = `UNB+UNOA:4+A+B+200101:1200+1'\nUNH+1+PAXLST:D:05B:UN:IATA'\nNAD+FL+++${letters(10 * 1024 * 1024)}:ANA'\nUNT+3+1'UNZ+1+1'`;
    const errors = tokenize(text).errors;
    expect(errors).toEqual([
      expect.objectContaining({
        segment: 3,
        line: 3,
        column: 1,
        tag: 'NAD',
        code: 'element-too-long',
        message: `NAD element 4, component 1 (line 3, column 10) is ${10 * 1024 * 1024} characters long: no element may be longer than 512`,
      }),
    ]);
    // The offsets-only reader reports the same.
    expect(tokenizeInto(text).errors).toEqual(errors);
  });

  it('measures the value, not its release characters or line wrapping', () => {
    const released = '?+'.repeat(MAX_COMPONENT_LENGTH / 2);
    const wrapped = `${letters(300)}\r\n${letters(212)}`;
    const text = `UNH+1+PAXLST:D:05B:UN:IATA'FTX+AAI+++${released}:${wrapped}'UNT+2+1'`;
    expect(tokenize(text).errors).toEqual([]);
    const over = tokenize(`UNH+1+PAXLST:D:05B:UN:IATA'FTX+AAI+++${released}:X\r\n${letters(513)}'UNT+2+1'`);
    expect(over.errors.map((error) => error.message)).toEqual([
      'FTX element 4, component 2 (line 1, column 551) is 514 characters long: no element may be longer than 512',
    ]);
  });
});
