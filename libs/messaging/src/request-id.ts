import { randomUUID } from 'node:crypto';

/** The gateway's request id travels in this NATS header and in every log line. */
export const REQUEST_ID_HEADER = 'x-request-id';

/** The gateway's HTTP route (method and path), its instance and the client's address, for the audit trail. */
export const ROUTE_HEADER = 'x-arogyam-route';
export const GATEWAY_INSTANCE_HEADER = 'x-arogyam-gateway';
export const CLIENT_ADDRESS_HEADER = 'x-arogyam-client';

export const newRequestId = (): string => randomUUID();

/**
 * The language the caller reads (en|hi), from the SPA's `Accept-Language` as the gateway normalised
 * it: what a service writes for the request (a receipt, a prescription PDF) is in it.
 */
export const LANGUAGE_HEADER = 'x-arogyam-language';
