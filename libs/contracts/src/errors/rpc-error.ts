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
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export const isRpcErrorPayload = (value: unknown): value is RpcErrorPayload =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as RpcErrorPayload).statusCode === 'number' &&
  typeof (value as RpcErrorPayload).message === 'string';
