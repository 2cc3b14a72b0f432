import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeEdifactBytes } from '../edifact/index.js';
import { parsePnrgov } from './pnrgov.js';
import { looksLikeCardNumber, maskCardNumber, maskCardNumbersInText } from './pnrgov-masking.js';

const folder = new URL('../../test/fixtures/edifact/pnrgov/', import.meta.url);
const fixtureText = (file: string) => decodeEdifactBytes(readFileSync(new URL(file, folder))).text;
const fixtures = readdirSync(folder).filter((file) => !file.endsWith('.md'));

/** Every string of a parsed result with the path it was found at. */
function strings(value: unknown, path = '', found: [string, string][] = []): [string, string][] {
  if (typeof value === 'string') found.push([path, value]);
  else if (Array.isArray(value)) value.forEach((item, i) => strings(item, `${path}[${i}]`, found));
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) strings(item, `${path}.${key}`, found);
  }
  return found;
}

/** Fields that hold other numbers by definition (tickets, loyalty accounts), not free text. */
const NUMBER_FIELDS =
  /(\.tickets\[\d+\]\.number|\.ticketNumber|\.frequentFlyers\[\d+\]\.number|\.references\[\d+\])$/;

describe('card numbers never leave the parser unmasked', () => {
  it('keeps at most the first 6 and the last 4 digits of a card field', () => {
    expect(maskCardNumber('4111111111111111')).toEqual({ masked: '411111XXXXXX1111', hidDigits: true });
    expect(maskCardNumber('4111 1111 1111 1111').masked).toBe('4111 11XX XXXX 1111');
    expect(maskCardNumber('XXXXXXXX1186')).toEqual({ masked: 'XXXXXXXX1186', hidDigits: false });
    expect(maskCardNumber('370266XXXXX6916')).toEqual({ masked: '370266XXXXX6916', hidDigits: false });
    // Partly masked by the sender, with too much left: the middle is hidden whatever was sent.
    expect(maskCardNumber('1234XXXX567890123456').masked).toBe('1234XXXXXXXXXXXX3456');
  });

  it('tells card numbers from ticket and phone numbers', () => {
    for (const pan of [
      '4111111111111111',
      '5555555555554444',
      '378282246310005',
      '6011111111111117',
      '3530111333300000',
    ]) {
      expect(looksLikeCardNumber(pan), pan).toBe(true);
    }
    // Ticket numbers, phones, and a 15-digit number in a Mastercard range (those have 16).
    for (const other of ['0062120234533', '00441753637285', '526108584856716', '4111111111111112']) {
      expect(looksLikeCardNumber(other), other).toBe(false);
    }
    expect(maskCardNumbersInText('PAID 4111 1111 1111 1111 0825 BY PHONE 00441753637285')).toBe(
      'PAID 4111 11XX XXXX 1111 0825 BY PHONE 00441753637285',
    );
    expect(maskCardNumbersInText('CC41111111111111110825')).toBe('CC411111XXXXXX11110825');
    const plain = 'TKT NBR 0062120234533 20FEB20';
    expect(maskCardNumbersInText(plain)).toBe(plain);
  });

  it('no output field of any sample holds a card number, and FOP card fields show at most 10 digits', () => {
    for (const file of fixtures) {
      const text = fixtureText(file);
      const result = parsePnrgov(text);
      // Nothing is left that the card number rule would still mask.
      const leaks = strings(result).filter(
        ([path, value]) => !NUMBER_FIELDS.test(path) && maskCardNumbersInText(value) !== value,
      );
      expect(leaks, file).toEqual([]);
      for (const payment of result.messages.flatMap((message) =>
        message.reservations.flatMap((r) => r.payments),
      )) {
        expect((payment.cardNumber ?? '').replace(/\D/g, '').length, file).toBeLessThanOrEqual(10);
      }
    }
  });

  it('masks card numbers sent in clear in FOP, free text, SSR, unstructured and structured history', () => {
    const clear = ['4111111111111111', '5555555555554444', '378282246310005', '4235792300387826'];
    const text = fixtureText('2_pnrs_basic.edi')
      .replace('FOP+CC:::VI:XXXXXXXX1186:0211', `FOP+CC:::VI:${clear[0]}:0211`)
      .replace('THIS PASSENGER IS A VIP', 'CARD 5555 5555 5555 4444 EXP 0825')
      .replace(
        "SSR+AVML:HK:2:DL'",
        `SSR+OTHS:HK:1:DL:::::PAYMENT BY AMEX ${clear[2]}'LTS+0/Z/FOP CC${clear[0]}'`,
      )
      .replace("SAC+++A'\r\nTIF+WAYNE", `SAC+++A'\r\nFOP+CC:2:628.32:VI:${clear[3]}:0813'\r\nTIF+WAYNE`);
    const result = parsePnrgov(text);
    expect(result.errors).toEqual([]);
    const [first, second] = result.messages[0].reservations;
    expect(first.payments[0].cardNumber).toBe('411111XXXXXX1111');
    expect(first.remarks[0].text).toBe('CARD 5555 55XX XXXX 4444 EXP 0825');
    expect(first.serviceRequests[0].text).toBe('PAYMENT BY AMEX 378282XXXXX0005');
    expect(first.historyText).toEqual(['0/Z/FOP CC411111XXXXXX1111']);
    expect(second.history[0].changes[1].items[0].summary).toBe('FOP+CC:2:628.32:VI:423579XXXXXX7826:0813');
    const output = JSON.stringify(result);
    for (const pan of clear) expect(output).not.toContain(pan);
    expect(output).not.toContain('5555 5555 5555 4444');
    expect(result.warnings.find((issue) => issue.code === 'card-number-masked')).toMatchObject({
      tag: 'FOP',
      line: 31,
    });
  });
});
