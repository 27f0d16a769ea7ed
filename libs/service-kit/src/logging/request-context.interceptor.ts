import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { NatsContext } from '@nestjs/microservices';
import { randomUUID } from 'node:crypto';
import { Observable } from 'rxjs';
import {
  CLIENT_ADDRESS_HEADER,
  GATEWAY_INSTANCE_HEADER,
  LANGUAGE_HEADER,
  REQUEST_ID_HEADER,
  ROUTE_HEADER,
} from '@arogyam/messaging';
import { requestContext } from './request-context';

/** Runs each NATS handler inside the caller's request id (or a new one). */
@Injectable()
export class RequestContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const nats = context.switchToRpc().getContext<NatsContext>();
    const headers = nats?.getHeaders?.();
    const requestId = headers?.get(REQUEST_ID_HEADER) || randomUUID();
    const channel = {
      subject: nats?.getSubject?.(),
      route: headers?.get(ROUTE_HEADER) || undefined,
      gatewayInstance: headers?.get(GATEWAY_INSTANCE_HEADER) || undefined,
      clientAddress: headers?.get(CLIENT_ADDRESS_HEADER) || undefined,
    };
    const language = headers?.get(LANGUAGE_HEADER) || undefined;
    // Subscribing inside run() keeps the store for the handler, which Nest starts lazily.
    return new Observable((subscriber) =>
      requestContext.run({ requestId, channel, language }, () => next.handle().subscribe(subscriber)),
    );
  }
}
