import type { ErrorCode } from '@arogyam/contracts';
import { i18n } from '../i18n/i18n';
import { ERROR_CODE_MESSAGES } from './error-code-messages';

export interface FieldProblem {
  field: string;
  problem: string;
}

/** The gateway's error body: `{ statusCode, error, code, message, details? }`. */
interface ErrorBody {
  statusCode: number;
  error: string;
  code?: string;
  message: string;
  details?: FieldProblem[];
}

/** statusCode 0 means the request never got an answer (offline, gateway unreachable). */
export const NETWORK_FAILURE = 0;

const FALLBACK_MESSAGES: Record<number, string> = {
  [NETWORK_FAILURE]: 'We could not reach Arogyam. Check your internet connection and try again.',
  502: 'Arogyam is temporarily unavailable. Please try again in a moment.',
  503: 'Arogyam is temporarily unavailable. Please try again in a moment.',
  504: 'Arogyam is taking too long to answer. Please try again in a moment.',
};

export class ApiError extends Error {
  readonly statusCode: number;
  readonly error: string;
  readonly details?: FieldProblem[];
  /** The stable reason (docs/api.md, "Error codes"): screens decide on this, never on status or text. */
  readonly code?: ErrorCode;

  constructor(
    statusCode: number,
    error: string,
    message: string,
    details?: FieldProblem[],
    code?: ErrorCode,
  ) {
    super(message);
    this.name = 'ApiError';
    this.statusCode = statusCode;
    this.error = error;
    this.details = details;
    this.code = code;
  }

  /** Builds the error from whatever came back; proxies and crashes may not send the gateway's shape. */
  static fromResponse(statusCode: number, body: unknown): ApiError {
    if (isErrorBody(body)) {
      const code =
        body.code && Object.hasOwn(ERROR_CODE_MESSAGES, body.code) ? (body.code as ErrorCode) : undefined;
      return new ApiError(
        statusCode,
        body.error,
        messageFor(statusCode, body.message, code),
        body.details,
        code,
      );
    }
    return new ApiError(statusCode, 'Error', messageFor(statusCode));
  }

  static network(): ApiError {
    return new ApiError(NETWORK_FAILURE, 'Network Error', messageFor(NETWORK_FAILURE));
  }

  get isNetworkFailure(): boolean {
    return this.statusCode === NETWORK_FAILURE;
  }
}

/** Anything thrown by a request, as an ApiError, so screens only ever handle one kind of failure. */
export function toApiError(thrown: unknown): ApiError {
  if (thrown instanceof ApiError) return thrown;
  return new ApiError(NETWORK_FAILURE, 'Error', 'Something went wrong. Please try again.');
}

export function isAbortError(thrown: unknown): boolean {
  return thrown instanceof DOMException && thrown.name === 'AbortError';
}

function messageFor(statusCode: number, serverMessage?: string, code?: ErrorCode): string {
  // 5xx gateway messages are for operators; people get a calm, actionable sentence instead.
  if (serverMessage && statusCode < 500) return readable(serverMessage, code);
  return (
    FALLBACK_MESSAGES[statusCode] ?? serverMessage ?? 'Something went wrong on our side. Please try again.'
  );
}

function isErrorBody(body: unknown): body is ErrorBody {
  if (typeof body !== 'object' || body === null) return false;
  const candidate = body as Record<string, unknown>;
  return (
    typeof candidate.message === 'string' &&
    typeof candidate.error === 'string' &&
    (candidate.details === undefined || Array.isArray(candidate.details))
  );
}

/**
 * The service's sentence (English: screens translate what they show), unless the page is in
 * another language and the catalogue has no translation of it: then the code's own sentence,
 * which it has. Better the gist in the reader's language than the details in one they may not read.
 */
function readable(serverMessage: string, code?: ErrorCode): string {
  if (!code || !i18n.isInitialized || i18n.language === 'en' || i18n.exists(serverMessage))
    return serverMessage;
  return ERROR_CODE_MESSAGES[code];
}
