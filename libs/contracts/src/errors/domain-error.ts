import type { ErrorCode } from './error-codes';
import { errorPayload, type FieldProblem, type RpcErrorPayload } from './rpc-error';

/** Thrown by a service's domain code; the RPC error filter turns it into an RpcErrorPayload. */
export class DomainError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly details?: FieldProblem[],
    /** A finer reason than the status gives (ERROR_CODES), for clients to decide on. */
    readonly code?: ErrorCode,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  toPayload(): RpcErrorPayload {
    return errorPayload(this.statusCode, this.message, this.details, this.code);
  }

  static badRequest(message: string, details?: FieldProblem[]): DomainError {
    return new DomainError(400, message, details);
  }
  static unauthorized(message: string): DomainError {
    return new DomainError(401, message);
  }
  static forbidden(message: string, code?: ErrorCode): DomainError {
    return new DomainError(403, message, undefined, code);
  }
  static notFound(message: string): DomainError {
    return new DomainError(404, message);
  }
  static conflict(message: string, code?: ErrorCode): DomainError {
    return new DomainError(409, message, undefined, code);
  }
  static unprocessable(message: string, code?: ErrorCode): DomainError {
    return new DomainError(422, message, undefined, code);
  }
}
