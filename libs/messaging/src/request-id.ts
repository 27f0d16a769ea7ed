import { randomUUID } from 'node:crypto';

/** The gateway's request id travels in this NATS header and in every log line. */
export const REQUEST_ID_HEADER = 'x-request-id';

/** The gateway's HTTP route (method and path), its instance and the client's address, for the audit trail. */
export const ROUTE_HEADER = 'x-arogyam-route';
export const GATEWAY_INSTANCE_HEADER = 'x-arogyam-gateway';
export const CLIENT_ADDRESS_HEADER = 'x-arogyam-client';

export const newRequestId = (): string => randomUUID();
