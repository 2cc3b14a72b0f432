/**
 * Freight container numbers (ISO 6346): a three-letter owner code, the equipment category (U for
 * freight containers, J for detachable equipment, Z for trailers and chassis), a six-digit serial
 * number and a check digit. The check digit is the sum of each character's value times 2 to the
 * power of its position (0 to 9), modulo 11, with 10 written as 0. Letters count from A = 10,
 * skipping 11, 22 and 33 (multiples of 11).
 */

const LETTER_VALUES: Record<string, number> = (() => {
  const values: Record<string, number> = {};
  let value = 10;
  for (const letter of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') {
    if (value % 11 === 0) value++;
    values[letter] = value++;
  }
  return values;
})();

const SHAPE = /^([A-Z]{3})([UJZ])(\d{6})(\d)$/;

export interface ContainerNumber {
  /** Eleven characters, no spaces: CSQU3054383. */
  number: string;
  ownerCode: string;
  category: 'U' | 'J' | 'Z';
  serial: string;
  checkDigit: number;
}

export type ContainerNumberCheck =
  | { ok: true; container: ContainerNumber }
  | { ok: false; reason: 'format'; message: string }
  | { ok: false; reason: 'check-digit'; message: string; expected: number };

/** The check digit of the first ten characters (owner code, category, serial). */
export function containerCheckDigit(firstTen: string): number {
  if (!/^[A-Z]{4}\d{6}$/.test(firstTen))
    throw new Error(`${firstTen} is not an owner code, category and serial`);
  let sum = 0;
  for (let position = 0; position < 10; position++) {
    const character = firstTen[position];
    const value = position < 4 ? LETTER_VALUES[character] : Number(character);
    sum += value * 2 ** position;
  }
  return (sum % 11) % 10;
}

/** Reads a container number as written on a manifest or a door ("CSQU 305438-3") and checks it. */
export function checkContainerNumber(written: string): ContainerNumberCheck {
  const number = written.toUpperCase().replace(/[\s\-./]/g, '');
  const match = SHAPE.exec(number);
  if (!match)
    return {
      ok: false,
      reason: 'format',
      message: `"${written}" is not a container number: three letters, U, J or Z, six digits and a check digit`,
    };
  const [, ownerCode, category, serial, digit] = match;
  const expected = containerCheckDigit(number.slice(0, 10));
  if (Number(digit) !== expected)
    return {
      ok: false,
      reason: 'check-digit',
      message: `${number}: the check digit should be ${expected}, not ${digit}`,
      expected,
    };
  return {
    ok: true,
    container: { number, ownerCode, category: category as 'U' | 'J' | 'Z', serial, checkDigit: expected },
  };
}
