import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import {
  codeForStatus,
  DomainError,
  errorPayload,
  type FieldProblem,
  type RpcErrorPayload,
} from '@arogyam/contracts';
import { RpcCallError, failureForLog } from '@arogyam/messaging';

/** Errors thrown by body-parser before any route runs (bad JSON, too large). */
interface BodyParserError {
  type?: string;
  status?: number;
}

const body = (statusCode: number, message: string, details?: FieldProblem[]): RpcErrorPayload =>
  errorPayload(statusCode, message, details);

/**
 * The one error format of API.md: `{statusCode, error, code, message, details?}`, whatever
 * failed; a service's payload without a finer code gets its status's.
 */
@Catch()
export class ErrorBodyFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const answer = this.toBody(exception);
    const payload = { ...answer, code: answer.code ?? codeForStatus(answer.statusCode) };
    if (payload.statusCode >= 500) this.logger.warn(`${payload.statusCode}: ${payload.message}`);
    response.status(payload.statusCode).json(payload);
  }

  toBody(exception: unknown): RpcErrorPayload {
    if (exception instanceof RpcCallError) return exception.payload;
    // The gateway's own refusals (an empty webhook body) are the same domain errors the services throw.
    if (exception instanceof DomainError) return exception.toPayload();
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      if (typeof response === 'object' && response !== null) {
        const { message, details } = response as { message?: unknown; details?: FieldProblem[] };
        const text = Array.isArray(message)
          ? message.join('; ')
          : typeof message === 'string'
            ? message
            : exception.message;
        return body(status, text, details);
      }
      return body(status, String(response));
    }
    const parserError = exception as BodyParserError;
    if (parserError?.type === 'entity.parse.failed') return body(400, 'The request body is not valid JSON.');
    if (parserError?.type === 'entity.too.large') return body(413, 'The request body is too large.');
    if (parserError?.status && parserError.status >= 400 && parserError.status < 500) {
      return body(parserError.status, (exception as Error).message);
    }
    this.logger.error(failureForLog(exception));
    return body(500, 'Something went wrong on our side; please try again.');
  }
}
