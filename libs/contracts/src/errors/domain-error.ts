import { HTTP_ERROR_NAMES, type FieldProblem, type RpcErrorPayload } from './rpc-error';

/** Thrown by a service's domain code; the RPC error filter turns it into an RpcErrorPayload. */
export class DomainError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly details?: FieldProblem[],
  ) {
    super(message);
    this.name = 'DomainError';
  }

  toPayload(): RpcErrorPayload {
    return {
      statusCode: this.statusCode,
      error: HTTP_ERROR_NAMES[this.statusCode] ?? 'Error',
      message: this.message,
      ...(this.details ? { details: this.details } : {}),
    };
  }

  static badRequest(message: string, details?: FieldProblem[]): DomainError {
    return new DomainError(400, message, details);
  }
  static unauthorized(message: string): DomainError {
    return new DomainError(401, message);
  }
  static forbidden(message: string): DomainError {
    return new DomainError(403, message);
  }
  static notFound(message: string): DomainError {
    return new DomainError(404, message);
  }
  static conflict(message: string): DomainError {
    return new DomainError(409, message);
  }
  static unprocessable(message: string): DomainError {
    return new DomainError(422, message);
  }
}
