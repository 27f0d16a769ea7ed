import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * How a request reached the service: the gateway's route, its instance and the client address it
 * saw, passed in NATS headers beside the request id; the subject is the one being answered. The
 * audit trail records it with each access to clinical data.
 */
export interface RequestChannel {
  subject?: string;
  route?: string;
  gatewayInstance?: string;
  clientAddress?: string;
}

export interface RequestContext {
  requestId: string;
  channel?: RequestChannel;
}

/** Carries the gateway's request id (and the request's channel) through a handler's async work. */
export const requestContext = new AsyncLocalStorage<RequestContext>();

export const currentRequestId = (): string | undefined => requestContext.getStore()?.requestId;

export const currentRequestChannel = (): RequestChannel => requestContext.getStore()?.channel ?? {};
