/**
 * Card numbers in PNR data. PCI DSS allows keeping at most the first six and the last four
 * digits of a card number (PAN), so the parser never lets more than that reach its output:
 * the FOP card field always, and any digit run in free text that looks like a PAN.
 */

/** Characters that stand for digits already hidden by the sender. */
function isMaskCharacter(code: number): boolean {
  return code === 88 || code === 120 || code === 42 || code === 35; // X x * #
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * Keeps the first 6 and the last 4 card characters (digits or sender's mask characters) of a
 * card field; every other digit becomes "X". Spaces and dashes are kept where they are.
 */
export function maskCardNumber(value: string): { masked: string; hidDigits: boolean } {
  const positions: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (isDigit(code) || isMaskCharacter(code)) positions.push(i);
  }
  if (positions.length <= 10) return { masked: value, hidDigits: false };
  const characters = value.split('');
  let hidDigits = false;
  for (let k = 6; k < positions.length - 4; k++) {
    const at = positions[k];
    if (isDigit(value.charCodeAt(at))) {
      characters[at] = 'X';
      hidDigits = true;
    }
  }
  return { masked: characters.join(''), hidDigits };
}

/** Issuer ranges (IIN prefixes) and the lengths their cards have. */
const CARD_RANGES: readonly [low: number, high: number, prefixLength: number, lengths: readonly number[]][] =
  [
    [4, 4, 1, [13, 16, 19]], // Visa
    [51, 55, 2, [16]], // Mastercard
    [2221, 2720, 4, [16]], // Mastercard 2-series
    [34, 34, 2, [15]], // American Express
    [37, 37, 2, [15]], // American Express
    [300, 305, 3, [14, 16]], // Diners Club
    [36, 36, 2, [14, 16, 17, 18, 19]], // Diners Club International
    [38, 39, 2, [14, 16]], // Diners Club
    [3528, 3589, 4, [16, 17, 18, 19]], // JCB
    [6011, 6011, 4, [16, 17, 18, 19]], // Discover
    [644, 649, 3, [16, 17, 18, 19]], // Discover
    [65, 65, 2, [16, 17, 18, 19]], // Discover
    [62, 62, 2, [16, 17, 18, 19]], // UnionPay
    [2200, 2204, 4, [16, 17, 18, 19]], // Mir
    [50, 50, 2, [13, 14, 15, 16, 17, 18, 19]], // Maestro
    [56, 59, 2, [13, 14, 15, 16, 17, 18, 19]], // Maestro
    [63, 63, 2, [13, 14, 15, 16, 17, 18, 19]], // Maestro
    [67, 67, 2, [13, 14, 15, 16, 17, 18, 19]], // Maestro
  ];

function passesLuhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let digit = digits.charCodeAt(i) - 48;
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return sum % 10 === 0;
}

/**
 * A known issuer range with its length and a valid check digit. Ticket numbers (airline code
 * first, mostly 0 or 1) and phone numbers rarely meet all three, so they stay readable.
 */
export function looksLikeCardNumber(digits: string): boolean {
  if (digits.length < 13 || digits.length > 19) return false;
  const first = digits.charCodeAt(0);
  // Every issuer range below starts with 2 to 6.
  if (first < 50 || first > 54) return false;
  const prefixes = [
    0,
    first - 48,
    Number(digits.slice(0, 2)),
    Number(digits.slice(0, 3)),
    Number(digits.slice(0, 4)),
  ];
  for (const [low, high, prefixLength, lengths] of CARD_RANGES) {
    const prefix = prefixes[prefixLength];
    if (prefix >= low && prefix <= high && lengths.includes(digits.length)) return passesLuhn(digits);
  }
  return false;
}

function maskLeadingCardNumber(run: string, group: { start: number; end: number }, result: string): string {
  for (let length = 19; length >= 13; length--) {
    const candidate = run.slice(group.start, group.start + length);
    if (looksLikeCardNumber(candidate)) {
      const to = group.start + length;
      return result.slice(0, group.start) + maskCardNumber(candidate).masked + result.slice(to);
    }
  }
  return result;
}

/**
 * Masks, inside one run of grouped digits, every sequence of whole groups that looks like a
 * card number: "4111 1111 1111 1111 0825" holds one followed by an expiry date.
 */
function maskRun(run: string): string {
  const groups: { start: number; end: number }[] = [];
  let groupStart = 0;
  for (let i = 0; i <= run.length; i++) {
    if (i === run.length || !isDigit(run.charCodeAt(i))) {
      groups.push({ start: groupStart, end: i });
      groupStart = i + 1;
    }
  }
  let result = run;
  for (let first = 0; first < groups.length; first++) {
    let digits = '';
    for (let last = first; last < groups.length; last++) {
      digits += run.slice(groups[last].start, groups[last].end);
      if (digits.length > 19) {
        // A card number with its expiry glued on ("41111111111111110825") starts the group.
        if (last === first) result = maskLeadingCardNumber(run, groups[first], result);
        break;
      }
      if (digits.length >= 13 && looksLikeCardNumber(digits)) {
        const from = groups[first].start;
        const to = groups[last].end;
        result = result.slice(0, from) + maskCardNumber(run.slice(from, to)).masked + result.slice(to);
        first = last;
        break;
      }
    }
  }
  return result;
}

/**
 * Masks every PAN-looking digit run of a free text: digits, optionally grouped by single spaces
 * or dashes ("4111 1111 1111 1111 0825"). Returns the text itself when there is none, without
 * allocating, which is the common case.
 */
export function maskCardNumbersInText(text: string): string {
  let result: string | null = null;
  let runStart = -1;
  let digits = 0;
  let lastDigit = -1;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : -1;
    if (isDigit(code)) {
      if (runStart < 0 || i - lastDigit > 2) {
        runStart = i;
        digits = 0;
      }
      digits++;
      lastDigit = i;
      continue;
    }
    const separator = (code === 32 || code === 45) && i === lastDigit + 1;
    if (separator && i + 1 < text.length && isDigit(text.charCodeAt(i + 1))) continue;
    if (runStart >= 0 && digits >= 13) {
      const run = text.slice(runStart, lastDigit + 1);
      const masked = maskRun(run);
      if (masked !== run)
        result = (result ?? text).slice(0, runStart) + masked + (result ?? text).slice(lastDigit + 1);
    }
    runStart = -1;
    digits = 0;
  }
  return result ?? text;
}
