import { describe, expect, it } from 'vitest';
import { readInterchange } from './envelope.js';
import { truncationOf } from './truncation.js';

const whole = "UNB+UNOA:4+A+B+200130:0300+1'UNH+1+PAXLST:D:05B:UN:IATA'BGM+745'UNT+3+1'UNZ+1+1'";

describe('truncationOf', () => {
  it('finds no cut in a whole interchange, nor in one whose UNZ only lacks its terminator', () => {
    expect(truncationOf(readInterchange(whole).warnings)).toBeUndefined();
    expect(truncationOf(readInterchange(whole.slice(0, -1)).warnings)).toBeUndefined();
  });

  it('finds the cut of an interchange that ends inside a message or a segment', () => {
    for (const cut of [whole.indexOf('UNT'), whole.indexOf('BGM') + 5, whole.indexOf('UNZ')]) {
      const issue = truncationOf(readInterchange(whole.slice(0, cut)).warnings);
      expect(issue, whole.slice(0, cut)).toBeDefined();
      expect(issue!.line).toBeGreaterThan(0);
    }
  });
});
