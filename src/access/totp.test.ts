import { describe, expect, it } from 'vitest';
import {
  base32Decode,
  base32Encode,
  matchTotp,
  newTotpSecret,
  otpauthUri,
  totpCode,
  totpStep,
} from './totp.js';

const rfcSecret = new TextEncoder().encode('12345678901234567890');

describe('TOTP (RFC 6238)', () => {
  it('gives the test vectors of RFC 6238 appendix B (SHA-1, eight digits)', () => {
    const vectors: [number, string][] = [
      [59, '94287082'],
      [1111111109, '07081804'],
      [1111111111, '14050471'],
      [1234567890, '89005924'],
      [2000000000, '69279037'],
      [20000000000, '65353130'],
    ];
    for (const [seconds, code] of vectors)
      expect(totpCode(rfcSecret, totpStep(seconds * 1000), 8)).toBe(code);
  });

  it('round-trips base32 and reads it as apps show it (groups, lower case, padding)', () => {
    expect(base32Encode(rfcSecret)).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(base32Decode('gezd gnbv-gy3t qojq GEZDGNBVGY3TQOJQ====')).toEqual(rfcSecret);
    expect(base32Decode('not base32!')).toBeUndefined();
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(secret)).toHaveLength(20);
    expect(newTotpSecret()).not.toBe(secret);
  });

  it('accepts a code one step either side of now, once, and nothing else', () => {
    const secret = base32Encode(rfcSecret);
    const now = 1_234_567_890_000;
    const step = totpStep(now);
    const codeAt = (s: number) => totpCode(rfcSecret, s);
    expect(matchTotp(secret, codeAt(step), now)).toBe(step);
    expect(matchTotp(secret, codeAt(step - 1), now)).toBe(step - 1);
    expect(matchTotp(secret, codeAt(step + 1), now)).toBe(step + 1);
    expect(matchTotp(secret, codeAt(step - 2), now)).toBeUndefined();
    expect(matchTotp(secret, codeAt(step + 2), now)).toBeUndefined();
    // Used once: not again at the same step, nor an older one.
    expect(matchTotp(secret, codeAt(step), now, step)).toBeUndefined();
    expect(matchTotp(secret, codeAt(step - 1), now, step)).toBeUndefined();
    expect(matchTotp(secret, codeAt(step + 1), now, step)).toBe(step + 1);
    expect(matchTotp(secret, '12345', now)).toBeUndefined();
    expect(matchTotp(secret, 'abcdef', now)).toBeUndefined();
  });

  it('writes the otpauth link authenticator apps read', () => {
    const uri = otpauthUri('Interdict BA', 'a.begic', 'GEZDGNBVGY3TQOJQ');
    expect(uri).toBe(
      'otpauth://totp/Interdict%20BA:a.begic?secret=GEZDGNBVGY3TQOJQ&issuer=Interdict+BA&algorithm=SHA1&digits=6&period=30',
    );
  });
});
