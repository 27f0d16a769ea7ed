import { Catch, Logger, type ExceptionFilter } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';
import { DomainError, errorPayload, type RpcErrorPayload, isDuplicateKey } from '@arogyam/contracts';
import { failureForLog } from '../errors/failure-for-log';
import { RpcValidationError } from './rpc-validation';

const isMongooseValidationError = (error: unknown): boolean =>
  error instanceof Error && error.name === 'ValidationError';

/**
 * Every failure of a message handler leaves the service as an RpcErrorPayload: domain errors
 * keep their status, a unique-index violation is a 409, and anything unexpected is logged here
 * and reported as a 500 without internals.
 */
@Catch()
export class RpcErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('RpcErrorFilter');

  catch(exception: unknown): Observable<never> {
    return throwError(() => this.toPayload(exception));
  }

  private toPayload(exception: unknown): RpcErrorPayload {
    if (exception instanceof DomainError) return exception.toPayload();
    if (exception instanceof RpcValidationError) return exception.payload;
    if (isDuplicateKey(exception)) {
      return errorPayload(409, 'That record already exists.');
    }
    if (isMongooseValidationError(exception)) {
      // A schema refused what the DTO let through: bad input, not a fault of ours; say so (never its value).
      this.logger.warn(failureForLog(exception));
      return errorPayload(400, 'The request has invalid fields.');
    }
    this.logger.error(failureForLog(exception));
    return errorPayload(500, 'Internal error.');
  }
}
