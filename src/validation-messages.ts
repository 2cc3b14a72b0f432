import { z } from 'zod';

/**
 * What zod says of a value it refuses, in words an officer reads next to the field: "must be at
 * least 12 characters" rather than "Too small: expected string to have >=12 characters". A
 * message written in a schema (`.min(12, 'must be …')`, a refine) wins over these; they fill in
 * for every check that has none. Installed once for the process by importing this module.
 */

type RawIssue = z.core.$ZodRawIssue;

const kindOf: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  bigint: 'a whole number',
  boolean: 'yes or no (true or false)',
  array: 'a list',
  object: 'a group of fields',
  date: 'a date',
};

const formats: Record<string, string> = {
  uuid: 'is not a valid identifier (a UUID)',
  guid: 'is not a valid identifier (a UUID)',
  email: 'must be an e-mail address',
  url: 'must be a web address',
  date: 'must be a date written YYYY-MM-DD',
  datetime: 'must be a date and time written YYYY-MM-DDTHH:MM:SSZ',
  time: 'must be a time written HH:MM',
  regex: 'is not written the expected way',
  starts_with: 'does not start as it should',
  ends_with: 'does not end as it should',
  includes: 'does not hold what it should',
};

const count = (n: number | bigint, one: string, many: string) => `${n} ${Number(n) === 1 ? one : many}`;

function tooSmall(issue: { origin: string; minimum: number | bigint; inclusive?: boolean }): string {
  const { origin, minimum } = issue;
  const atLeast = issue.inclusive === false ? 'more than' : 'at least';
  if (origin === 'string')
    return Number(minimum) <= 1
      ? 'is required'
      : `must be ${atLeast} ${count(minimum, 'character', 'characters')}`;
  if (origin === 'array' || origin === 'set')
    return Number(minimum) <= 1
      ? 'choose at least one'
      : `needs ${atLeast} ${count(minimum, 'item', 'items')}`;
  if (origin === 'date') return `must be on or after ${String(minimum)}`;
  return `must be ${issue.inclusive === false ? 'more than' : 'at least'} ${String(minimum)}`;
}

function tooBig(issue: { origin: string; maximum: number | bigint; inclusive?: boolean }): string {
  const { origin, maximum } = issue;
  const atMost = issue.inclusive === false ? 'fewer than' : 'at most';
  if (origin === 'string') return `must be ${atMost} ${count(maximum, 'character', 'characters')}`;
  if (origin === 'array' || origin === 'set') return `may have ${atMost} ${count(maximum, 'item', 'items')}`;
  if (origin === 'date') return `must be on or before ${String(maximum)}`;
  return `must be ${issue.inclusive === false ? 'less than' : 'at most'} ${String(maximum)}`;
}

const listed = (values: readonly unknown[]) =>
  values.length <= 12
    ? values.map((value) => String(value)).join(', ')
    : `${values.slice(0, 12).map(String).join(', ')} …`;

/** The message of an issue that its schema left without one. */
export function humanIssueMessage(issue: RawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return 'is required';
      return `must be ${kindOf[issue.expected] ?? issue.expected}`;
    case 'too_small':
      return tooSmall(issue);
    case 'too_big':
      return tooBig(issue);
    case 'invalid_format':
      // An empty choice (a list whose "choose…" line was left) is a missing value, not a bad one.
      if (issue.input === '') return 'is required';
      return formats[issue.format] ?? `must be written as ${issue.format}`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `must be ${String(issue.values[0])}`
        : `must be one of: ${listed(issue.values)}`;
    case 'not_multiple_of':
      return `must be a multiple of ${String(issue.divisor)}`;
    case 'unrecognized_keys':
      return `${issue.keys.length === 1 ? 'is not a field' : 'are not fields'} this accepts: ${issue.keys.join(', ')}`;
    case 'invalid_union':
      return 'is not any of the accepted forms';
    case 'invalid_key':
      return 'has a key that is not accepted';
    case 'invalid_element':
      return 'holds a value that is not accepted';
    default:
      return 'is not valid';
  }
}

z.config({ customError: humanIssueMessage });
