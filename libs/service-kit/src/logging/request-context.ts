import { AsyncLocalStorage } from 'node:async_hooks';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '@arogyam/contracts';

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
  /** The language the caller reads, as the gateway passed it (unchecked: read it through `currentRequestLanguage`). */
  language?: string;
}

/** Carries the gateway's request id (and the request's channel) through a handler's async work. */
export const requestContext = new AsyncLocalStorage<RequestContext>();

export const currentRequestId = (): string | undefined => requestContext.getStore()?.requestId;

export const currentRequestChannel = (): RequestChannel => requestContext.getStore()?.channel ?? {};

/** The language the caller reads: what the gateway passed when it is one Arogyam writes, else English. */
export const currentRequestLanguage = (): Language => {
  const language = requestContext.getStore()?.language;
  return isLanguage(language) ? language : DEFAULT_LANGUAGE;
};
