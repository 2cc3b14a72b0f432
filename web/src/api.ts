/**
 * The one way the web UI talks to the server: JSON over fetch with the session cookie, the CSRF
 * token on every state-changing request, and one error type carrying the server's error body.
 */

export const API_BASE = '/api/v1';

export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details?: unknown;
  /** Seconds to wait before retrying, from a Retry-After header (429). */
  readonly retryAfterSeconds?: number;

  constructor(status: number, code: string, message: string, details?: unknown, retryAfterSeconds?: number) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

let csrfToken: string | null = null;
const unauthorizedListeners = new Set<() => void>();

/** The session's CSRF token, sent as `x-csrf-token` on POST, PATCH, PUT and DELETE. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when a request answers 401 (the session expired or was revoked). */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

export type QueryValue = string | number | boolean | null | undefined;

export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const qs = search.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

interface RequestOptions {
  query?: Record<string, QueryValue>;
  /** A JSON-serialisable value, or FormData / a string sent as is. */
  body?: unknown;
  signal?: AbortSignal;
  /** Do not tell the listeners about a 401 (the login form handles its own). */
  quietUnauthorized?: boolean;
  /** The answer is a file to save (CSV), not JSON. */
  asFile?: boolean;
}

const STATE_CHANGING = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

export function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  return send<T>(method, buildUrl(path, options.query), options);
}

/** GET of a URL already built with buildUrl (lets hooks key their effects on one string). */
export function getUrl<T>(url: string, signal?: AbortSignal): Promise<T> {
  return send<T>('GET', url, { signal });
}

async function send<T>(method: string, url: string, options: RequestOptions): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body; // the browser sets the multipart boundary
  } else if (typeof options.body === 'string') {
    body = options.body;
    headers['content-type'] = 'text/plain; charset=utf-8';
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] = 'application/json';
  }
  if (STATE_CHANGING.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      body,
      credentials: 'include',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network', 'The server could not be reached. Check the connection and try again.');
  }

  if (response.status === 204) return undefined as T;
  if (options.asFile && response.ok) return (await response.blob()) as T;
  const text = await response.text();
  let parsed: unknown = undefined;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
  }
  if (!response.ok) {
    const error = toApiError(response, parsed);
    if (error.status === 401 && !options.quietUnauthorized)
      unauthorizedListeners.forEach((listener) => listener());
    throw error;
  }
  if (parsed === undefined && text) {
    throw new ApiError(response.status, 'invalid_response', 'The server sent an answer that is not JSON.');
  }
  return parsed as T;
}

function toApiError(response: Response, body: unknown): ApiError {
  const retryAfter = Number(response.headers.get('retry-after'));
  const retryAfterSeconds = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined;
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)
    ?.error;
  if (error && typeof error.message === 'string') {
    const code = typeof error.code === 'string' ? error.code : `http_${response.status}`;
    return new ApiError(response.status, code, error.message, error.details, retryAfterSeconds);
  }
  const message = response.statusText || `The server answered with status ${response.status}.`;
  return new ApiError(response.status, `http_${response.status}`, message, undefined, retryAfterSeconds);
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('POST', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('PATCH', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('PUT', path, { ...options, body }),
  delete: <T = void>(path: string, options?: RequestOptions) => request<T>('DELETE', path, options),
  /** POSTs and saves the answer as a file of that name (a CSV the server makes from the body). */
  async download(path: string, body: unknown, fileName: string, options?: RequestOptions): Promise<void> {
    const file = await request<Blob>('POST', path, { ...options, body, asFile: true });
    const url = URL.createObjectURL(file);
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },
};

/** Lists come as `{ items }`; a bare array is accepted too. */
export function itemsOf<T>(value: { items: T[] } | T[] | undefined | null): T[] {
  if (!value) return [];
  return Array.isArray(value) ? value : (value.items ?? []);
}
