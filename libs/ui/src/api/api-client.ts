import { i18n } from '../i18n/i18n';
import { ApiError, isAbortError } from './api-error';
import type { TokenStore } from './token-store';
import type { TokenPair } from './types';

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  /** Appended as a query string; empty values are left out so filters stay optional. */
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
  /** Send no bearer token (login, registration): a stale token must not turn a 401 into a refresh. */
  anonymous?: boolean;
  /** Extra request headers (an `Idempotency-Key`). */
  headers?: Record<string, string>;
}

/** A file the gateway sent (a prescription PDF), with the name its Content-Disposition gave. */
export interface DownloadedFile {
  blob: Blob;
  filename: string;
}

export interface ApiClient {
  get<T>(path: string, options?: RequestOptions): Promise<T>;
  /** GETs a binary answer with the bearer token; `fallbackName` is used when no filename is sent. */
  download(path: string, fallbackName: string, options?: RequestOptions): Promise<DownloadedFile>;
  /** A JSON body, or a FormData body sent as multipart (file uploads). */
  post<T = void>(path: string, body?: unknown, options?: RequestOptions): Promise<T>;
  patch<T = void>(path: string, body?: unknown, options?: RequestOptions): Promise<T>;
  put<T = void>(path: string, body?: unknown, options?: RequestOptions): Promise<T>;
  /** `body` for the few deletions that carry one (a deleted account's re-entered password). */
  del<T = void>(path: string, options?: RequestOptions, body?: unknown): Promise<T>;
  /**
   * Renews the session after `rejectedToken` was refused elsewhere (the realtime handshake): true once a
   * newer access token is stored, false when the session is over. Shares a renewal already under way.
   */
  renewSession(rejectedToken: string | null): Promise<boolean>;
  /** Called when the session cannot be renewed; returns an unsubscribe function. */
  onSessionExpired(listener: () => void): () => void;
}

export interface ApiClientOptions {
  /** Usually `/api`: the apps are served from the gateway's origin (or a proxy to it). */
  baseUrl: string;
  store: TokenStore;
  fetchImpl?: typeof fetch;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * A small JSON client for the gateway. Access tokens are short-lived, so a 401 on an authenticated
 * call renews the session once (all concurrent 401s share that one renewal, because refresh tokens
 * rotate and a reused one revokes the whole family) and then retries the call once.
 */
export function createApiClient({ baseUrl, store, fetchImpl }: ApiClientOptions): ApiClient {
  const doFetch: typeof fetch = fetchImpl ?? ((input, init) => window.fetch(input, init));
  const expiryListeners = new Set<() => void>();
  let renewal: Promise<boolean> | null = null;

  async function send(
    method: Method,
    path: string,
    body: unknown,
    options: RequestOptions,
    token: string | null,
    accept = 'application/json',
  ) {
    const headers: Record<string, string> = { ...options.headers, Accept: accept };
    // What a service writes for this request (a receipt, a prescription PDF) is in the page's language.
    if (i18n.isInitialized) headers['Accept-Language'] = i18n.language;
    // A FormData body (a file upload) goes as multipart: the browser sets its type and boundary.
    const form = body instanceof FormData ? body : undefined;
    if (body !== undefined && !form) headers['Content-Type'] = 'application/json';
    if (token) headers.Authorization = `Bearer ${token}`;
    try {
      return await doFetch(urlFor(baseUrl, path, options.query), {
        method,
        headers,
        body: form ?? (body === undefined ? undefined : JSON.stringify(body)),
        signal: options.signal,
      });
    } catch (thrown) {
      if (isAbortError(thrown)) throw thrown;
      throw ApiError.network();
    }
  }

  async function exchange(
    method: Method,
    path: string,
    body: unknown,
    options: RequestOptions = {},
    accept?: string,
  ): Promise<Response> {
    const token = options.anonymous ? null : store.getAccessToken();
    const response = await send(method, path, body, options, token, accept);
    if (response.status !== 401 || !token) return response;
    // Retry once: with the renewed token, or, if the session is over, as a visitor (public pages still work).
    const renewed = await renewSession(token);
    return send(method, path, body, options, renewed ? store.getAccessToken() : null, accept);
  }

  async function request<T>(
    method: Method,
    path: string,
    body: unknown,
    options?: RequestOptions,
  ): Promise<T> {
    return readBody<T>(await exchange(method, path, body, options));
  }

  async function download(path: string, fallbackName: string, options?: RequestOptions) {
    const response = await exchange('GET', path, undefined, options, '*/*');
    if (!response.ok) return readBody<never>(response);
    const filename = filenameFrom(response.headers.get('Content-Disposition')) ?? fallbackName;
    return { blob: await response.blob(), filename };
  }

  function renewSession(rejectedToken: string | null): Promise<boolean> {
    // Another call already renewed the session after this one was sent: just retry with the new token.
    const current = store.getAccessToken();
    if (current && current !== rejectedToken) return Promise.resolve(true);
    renewal ??= refresh().finally(() => {
      renewal = null;
    });
    return renewal;
  }

  async function refresh(): Promise<boolean> {
    const refreshToken = store.getRefreshToken();
    if (!refreshToken) return endSession();
    const response = await send('POST', '/auth/refresh', { refreshToken }, {}, null);
    if (response.ok) {
      store.saveTokens(await readBody<TokenPair>(response));
      return true;
    }
    // 5xx means the auth service is down, and 429 that this address asked too often (the sign-in
    // throttle counts refreshes too), not that the session is over: keep it and report why.
    if (response.status >= 500 || response.status === 429) return readBody<never>(response);
    return endSession();
  }

  function endSession(): false {
    store.clear();
    expiryListeners.forEach((listener) => listener());
    return false;
  }

  return {
    get: (path, options) => request('GET', path, undefined, options),
    download,
    post: (path, body, options) => request('POST', path, body, options),
    patch: (path, body, options) => request('PATCH', path, body, options),
    put: (path, body, options) => request('PUT', path, body, options),
    del: (path, options, body) => request('DELETE', path, body, options),
    renewSession,
    onSessionExpired: (listener) => {
      expiryListeners.add(listener);
      return () => expiryListeners.delete(listener);
    },
  };
}

function urlFor(baseUrl: string, path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  }
  const search = params.toString();
  return `${baseUrl}${path}${search ? `?${search}` : ''}`;
}

/** Parses a JSON answer; 204 and empty bodies become undefined, non-2xx answers throw ApiError. */
async function readBody<T>(response: Response): Promise<T> {
  const text = response.status === 204 ? '' : await response.text();
  const body: unknown = text ? parseJson(text) : undefined;
  if (!response.ok) throw ApiError.fromResponse(response.status, body);
  return body as T;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined; // e.g. an HTML error page from a proxy; ApiError falls back to a generic message
  }
}

/** `attachment; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf` or `attachment; filename="rx.pdf"` → the name. */
function filenameFrom(disposition: string | null): string | undefined {
  if (!disposition) return undefined;
  const encoded = /filename\*\s*=\s*[\w-]*'[^']*'([^;\s]+)/i.exec(disposition)?.[1];
  const plain = /filename\s*=\s*(?:"([^"]*)"|([^;\s]+))/i.exec(disposition);
  const name = (encoded && decoded(encoded)) || plain?.[1] || plain?.[2];
  // Only a name, never a path.
  return name ? name.replace(/[/\\]/g, '_') : undefined;
}

function decoded(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}
