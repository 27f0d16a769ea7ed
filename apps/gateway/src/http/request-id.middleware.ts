import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { languageOfAcceptLanguage } from '@arogyam/contracts';
import { newRequestId, REQUEST_ID_HEADER } from '@arogyam/messaging';
import { requestContext } from '@arogyam/service-kit';

const SAFE_ID = /^[A-Za-z0-9._-]{1,100}$/;

/**
 * Gives every request an id (the caller's, if sane), echoes it, and scopes the rest of the work to
 * it, with the request's channel for the audit trail of the services it calls: the route (method and
 * path, no query: a query may carry a search term), this gateway instance, and the client's address
 * as Express derives it with `trust proxy` = TRUST_PROXY (the same address the throttling counts);
 * and the language the client reads, its `Accept-Language` narrowed to one Arogyam writes (en|hi).
 */
export function requestIdMiddleware(gatewayInstance: string): RequestHandler {
  return (req: Request, res: Response, next: NextFunction): void => {
    const incoming = req.header(REQUEST_ID_HEADER);
    const requestId = incoming && SAFE_ID.test(incoming) ? incoming : newRequestId();
    res.setHeader(REQUEST_ID_HEADER, requestId);
    const channel = { route: `${req.method} ${req.path}`, gatewayInstance, clientAddress: req.ip };
    const language = languageOfAcceptLanguage(req.header('accept-language'));
    requestContext.run({ requestId, channel, language }, next);
  };
}
