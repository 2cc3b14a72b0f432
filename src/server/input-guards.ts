import type { FastifyPluginAsync } from 'fastify';
import { AppError } from '../errors.js';

/**
 * Where the first NUL character is in a parsed parameter value: its path ("query.name",
 * "body.entries[2].name"), or null. PostgreSQL text cannot hold NUL, and no field of ours has a
 * use for it. Walked with a list, not recursion: a JSON body may nest deeper than the stack.
 */
export function findNul(value: unknown, root: string): string | null {
  const pending: { value: unknown; path: string }[] = [{ value, path: root }];
  while (pending.length > 0) {
    const { value: current, path } = pending.pop()!;
    if (typeof current === 'string') {
      if (current.includes('\0')) return path;
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--)
        pending.push({ value: current[i], path: `${path}[${i}]` });
    } else if (current !== null && typeof current === 'object' && !(current instanceof Uint8Array)) {
      for (const [key, item] of Object.entries(current).reverse()) {
        if (key.includes('\0')) return `${path}.${key.replaceAll('\0', '\\0')}`;
        pending.push({ value: item, path: `${path}.${key}` });
      }
    }
  }
  return null;
}

export function nulRefused(field: string): AppError {
  return new AppError(
    400,
    'invalid_character',
    `${field} contains a NUL character (byte 0x00), which no field accepts`,
    { field },
  );
}

/** Refuses a value holding NUL with 400 naming the field. */
export function refuseNul(value: unknown, field: string): void {
  const where = findNul(value, field);
  if (where) throw nulRefused(where);
}

/**
 * Checks every parameter once, before any route sees it: the query string, the path parameters and
 * a parsed body (JSON, form fields). Raw message bodies are bytes and are not checked here: a
 * message holding NUL is kept as received and rejected with its reason (src/messages).
 */
export const inputGuards: FastifyPluginAsync = async (app) => {
  app.addHook('preValidation', async (request) => {
    refuseNul(request.query, 'query');
    refuseNul(request.params, 'params');
    if (!(request.body instanceof Uint8Array)) refuseNul(request.body, 'body');
  });
};
// The hook guards the whole application, not only routes registered inside this plugin (what
// fastify-plugin does for a plugin).
Object.assign(inputGuards, { [Symbol.for('skip-override')]: true });
