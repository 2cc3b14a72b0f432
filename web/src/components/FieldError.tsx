import { ApiError } from '../api.js';

/**
 * One problem the server found in a form's request (`error.details` of a 422 `invalid`): the
 * field as a dotted path from the body's top (`to`, `documents.0.number`) and what is wrong.
 */
export interface FieldProblem {
  field: string;
  message: string;
  in?: 'query' | 'params' | 'headers';
}

/** The field problems of an error, or none when it is not a validation error. */
export function fieldProblemsOf(error: unknown): FieldProblem[] {
  if (!(error instanceof ApiError) || error.code !== 'invalid' || !Array.isArray(error.details)) return [];
  return (error.details as unknown[]).filter(
    (item): item is FieldProblem =>
      typeof item === 'object' &&
      item !== null &&
      typeof (item as FieldProblem).field === 'string' &&
      typeof (item as FieldProblem).message === 'string',
  );
}

/** The form field a problem belongs to: the first step of its path (`documents.0.number` → `documents`). */
const topField = (field: string) => field.split(/[.[]/)[0] ?? '';

/** "must be at least 12 characters" → "Must be at least 12 characters." */
export function asSentence(message: string): string {
  const trimmed = message.trim();
  if (!trimmed) return trimmed;
  const capital = trimmed[0]!.toUpperCase() + trimmed.slice(1);
  return /[.!?…]$/.test(capital) ? capital : `${capital}.`;
}

/**
 * The server's problems by the form's own field names (`{ to: 'A back-test covers at most a
 * year.' }`), the first problem of each field, as sentences. `aliases` maps a field name of the
 * API to the form's where they differ.
 */
export function fieldErrorsOf<F extends string>(
  error: unknown,
  fields: readonly F[],
  aliases: Partial<Record<string, F>> = {},
): Partial<Record<F, string>> {
  const known = new Set<string>(fields);
  const result: Partial<Record<F, string>> = {};
  for (const problem of fieldProblemsOf(error)) {
    const top = topField(problem.field);
    const field = (aliases[top] ?? (known.has(top) ? top : undefined)) as F | undefined;
    if (field && result[field] === undefined) result[field] = asSentence(problem.message);
  }
  return result;
}

/** The problems that no field of the form shows, said in the banner instead. */
export function unplacedProblems(
  error: unknown,
  fields: readonly string[],
  aliases: Partial<Record<string, string>> = {},
): FieldProblem[] {
  const known = new Set(fields);
  return fieldProblemsOf(error).filter((problem) => {
    const top = topField(problem.field);
    return !aliases[top] && !known.has(top);
  });
}

/**
 * The sentence under a field that the server (or the form) refused. Give the input
 * `aria-describedby={id}` and `aria-invalid` so that a screen reader reads it with the field.
 */
export function FieldError({ id, message }: { id: string; message: string | undefined | null }) {
  if (!message) return null;
  return (
    <span id={id} className="field-error" role="alert" data-testid="field-error">
      {message}
    </span>
  );
}
