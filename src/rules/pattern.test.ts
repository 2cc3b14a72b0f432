import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compilePattern, MAX_PATTERN_LENGTH } from './pattern.js';
import { characterFold } from './normalise.js';
import { findField } from './catalogue.js';

const textFold = characterFold(findField('traveller.surname', 'traveller')!);

function matcher(pattern: string, fold = textFold) {
  const result = compilePattern(pattern, fold);
  if (!result.ok) throw new Error(result.message);
  return result.test;
}

function refusal(pattern: string): string {
  const result = compilePattern(pattern, textFold);
  if (result.ok) throw new Error(`${pattern} was accepted`);
  return result.message;
}

describe('compilePattern', () => {
  it('matches the whole value with * and ?', () => {
    const test = matcher('jo?n*');
    expect(test('john')).toBe(true);
    expect(test('joan smith')).toBe(true);
    expect(test('jon')).toBe(false);
    expect(test('xjohn')).toBe(false);
    expect(matcher('*smith')('john smith')).toBe(true);
    expect(matcher('*smith')('smithson')).toBe(false);
    expect(matcher('*mit*')('smithson')).toBe(true);
    expect(matcher('a*b*c')('abc')).toBe(true);
    expect(matcher('a*b*c')('aXbYbZc')).toBe(true);
    expect(matcher('a*b*c')('aXbYbZ')).toBe(false);
  });

  it('supports character classes, ranges and negation', () => {
    const test = matcher('[a-c]##[0-9][!x]');
    expect(test('b##7y')).toBe(true);
    expect(test('d##7y')).toBe(false);
    expect(test('b##7x')).toBe(false);
    expect(matcher('[^0-9]*')('a1')).toBe(true);
    expect(matcher('[^0-9]*')('1a')).toBe(false);
    expect(matcher('[]]')(']')).toBe(true);
  });

  it('folds pattern characters like the field folds its values', () => {
    // Values reach the matcher folded ("Đorđević" -> "dordevic"); the pattern is folded the same way.
    expect(matcher('ĐOR*VIĆ')('dordevic')).toBe(true);
    expect(matcher('[A-D]*')('dordevic')).toBe(true);
    const documentFold = characterFold(findField('document.number', 'traveller')!);
    expect(matcher('ab-12*', documentFold)('AB1234')).toBe(true);
    const phoneFold = characterFold(findField('reservation.phones', 'traveller')!);
    expect(matcher('+387 6*', phoneFold)('38761123456')).toBe(true);
  });

  it('takes escaped special characters literally', () => {
    expect(matcher('a\\*b')('a*b')).toBe(true);
    expect(matcher('a\\*b')('axb')).toBe(false);
    expect(matcher('\\(x\\)')('(x)')).toBe(true);
  });

  it('refuses regular-expression syntax and malformed patterns, saying why', () => {
    expect(refusal('(a+)+$')).toMatch(/not regular expressions/);
    expect(refusal('a|b')).toMatch(/"\|" at position 2/);
    expect(refusal('^abc')).toMatch(/not regular expressions/);
    expect(refusal('[abc')).toMatch(/never closed/);
    expect(refusal('[z-a]')).toMatch(/runs backwards/);
    expect(refusal('abc]')).toMatch(/closes no/);
    expect(refusal('abc\\')).toMatch(/lone/);
    expect(refusal('')).toMatch(/empty/);
    expect(refusal('a'.repeat(MAX_PATTERN_LENGTH + 1))).toMatch(/longer than/);
  });

  it('stays fast on inputs that make backtracking matchers explode', () => {
    // The equivalent regular expression /^(a*)*b$/ or /^a*a*a*...b$/ backtracks exponentially or
    // polynomially; the wildcard matcher resumes from one point only: O(value x pattern).
    const test = matcher(`${'a*'.repeat(40)}b`);
    const value = 'a'.repeat(100_000);
    const started = performance.now();
    expect(test(value)).toBe(false);
    expect(test(`${value}b`)).toBe(true);
    expect(performance.now() - started).toBeLessThan(2_000);
    const general = matcher(`${'?*'.repeat(20)}[b]`);
    expect(general(value)).toBe(false);
    const starry = matcher('*a*a*a*a*a*a*a*a*a*a*c');
    const started2 = performance.now();
    expect(starry('a'.repeat(50_000))).toBe(false);
    expect(performance.now() - started2).toBeLessThan(2_000);
  });

  it('agrees with an anchored regular expression on random patterns and values', () => {
    // Both matcher paths: literals and stars only (segment search) and with ? and classes.
    const token = fc.oneof(
      fc.constantFrom('a', 'b', '*'),
      fc.constantFrom('a', 'b', '*', '?', '[ab]', '[!a]'),
    );
    fc.assert(
      fc.property(
        fc.array(token, { minLength: 1, maxLength: 8 }),
        fc.stringMatching(/^[abc]{0,10}$/),
        (tokens, value) => {
          const pattern = tokens.join('');
          const source = tokens
            .map((t) => (t === '*' ? '.*' : t === '?' ? '.' : t === '[!a]' ? '[^a]' : t))
            .join('');
          expect(matcher(pattern)(value)).toBe(new RegExp(`^${source}$`).test(value));
        },
      ),
      { numRuns: 5_000 },
    );
  });
});
