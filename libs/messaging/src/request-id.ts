import { randomUUID } from 'node:crypto';

/** The gateway's request id travels in this NATS header and in every log line. */
export const REQUEST_ID_HEADER = 'x-request-id';

export const newRequestId = (): string => randomUUID();
