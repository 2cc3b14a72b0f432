import { describe, expect, it } from 'vitest';
import { decodeMessage, detectFormat } from './decode.js';

describe('decodeMessage', () => {
  it('reads UTF-8 and drops the byte order mark', () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from("UNB+UNOY:4+X+Y'NAD+FL+++ĐORĐEVIĆ'"),
    ]);
    expect(decodeMessage(bytes).text).toBe("UNB+UNOY:4+X+Y'NAD+FL+++ĐORĐEVIĆ'");
  });

  it('falls back to the declared single-byte character set', () => {
    const bytes = Buffer.from("UNB+UNOC:3+X+Y'NAD+FL+++M\xdcLLER'", 'latin1');
    const decoded = decodeMessage(bytes);
    expect(decoded.text).toBe("UNB+UNOC:3+X+Y'NAD+FL+++MÜLLER'");
    expect(decoded.encoding).toBe('iso-8859-1');
  });
});

describe('detectFormat', () => {
  it('names the message type of the first UNH, whatever the separators', () => {
    expect(detectFormat("UNA:+.? 'UNB+UNOA:4+A+B'UNH+1+PAXLST:D:05B:UN:IATA'")).toBe('PAXLST');
    expect(detectFormat("UNA:*.? 'UNB*UNOA:4*A*B'UNH*1*PNRGOV:13:1:IA'")).toBe('PNRGOV');
    expect(detectFormat("UNB+UNOA:4+A+B'\r\nUNH+1+CUS\r\nCAR:D:95B:UN'")).toBe('CUSCAR');
  });

  it('tells an interchange without UNH, XML and anything else apart', () => {
    expect(detectFormat("UNB+UNOA:4+A+B'UNZ+0+1'")).toBe('EDIFACT');
    expect(detectFormat('<?xml version="1.0"?><rsm:Waybill/>')).toBe('XML');
    expect(detectFormat('hello')).toBe('unknown');
    expect(detectFormat('')).toBe('unknown');
  });
});
