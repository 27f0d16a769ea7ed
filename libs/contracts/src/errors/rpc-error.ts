import { codeForStatus, type ErrorCode } from './error-codes';

/**
 * The typed error that crosses NATS. Its fields are the public error body of API.md, so the
 * gateway forwards it as is; the owning service decides the status code.
 */
export interface FieldProblem {
  field: string;
  problem: string;
}

export interface RpcErrorPayload {
  statusCode: number;
  error: string;
  /** ERROR_CODES; the gateway gives every public error body one (codeForStatus when none). */
  code?: string;
  message: string;
  details?: FieldProblem[];
}

export const HTTP_ERROR_NAMES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** An error body in the one shape of API.md, with the status's code unless a finer one is given. */
export const errorPayload = (
  statusCode: number,
  message: string,
  details?: FieldProblem[],
  code: ErrorCode = codeForStatus(statusCode),
): RpcErrorPayload => ({
  statusCode,
  error: HTTP_ERROR_NAMES[statusCode] ?? 'Error',
  code,
  message,
  ...(details ? { details } : {}),
});

export const isRpcErrorPayload = (value: unknown): value is RpcErrorPayload =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as RpcErrorPayload).statusCode === 'number' &&
  typeof (value as RpcErrorPayload).message === 'string';
