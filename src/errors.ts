// Every refusal of a zod schema reads as words next to its field ("must be at least 12 characters").
import './validation-messages.js';

/** The one error class of the application: carries an HTTP status and a stable code. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** Response headers that belong with the error (Retry-After of a 429). */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string, id?: string): AppError =>
  new AppError(404, 'not_found', id ? `${what} ${id} was not found` : `${what} was not found`);

export const forbidden = (message = 'You do not have the role needed for this action'): AppError =>
  new AppError(403, 'forbidden', message);

export const unauthorized = (message = 'Sign in first'): AppError =>
  new AppError(401, 'unauthorized', message);

export const invalid = (message: string, details?: unknown): AppError =>
  new AppError(422, 'invalid', message, details);

export const conflict = (message: string, details?: unknown): AppError =>
  new AppError(409, 'conflict', message, details);
