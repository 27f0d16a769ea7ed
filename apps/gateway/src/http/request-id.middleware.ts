import type { NextFunction, Request, Response } from 'express';
import { newRequestId, REQUEST_ID_HEADER } from '@arogyam/messaging';
import { requestContext } from '@arogyam/service-kit';

const SAFE_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** Gives every request an id (the caller's, if sane), echoes it, and scopes the rest of the work to it. */
export function requestIdMiddleware(req: Request, res: Response, next: NextFunction): void {
  const incoming = req.header(REQUEST_ID_HEADER);
  const requestId = incoming && SAFE_ID.test(incoming) ? incoming : newRequestId();
  res.setHeader(REQUEST_ID_HEADER, requestId);
  requestContext.run({ requestId }, next);
}
