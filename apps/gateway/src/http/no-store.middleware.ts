import type { NextFunction, Request, Response } from 'express';

/**
 * Every API answer is `Cache-Control: no-store` unless its route says otherwise: profiles, notes,
 * prescriptions, tokens and errors that name a patient must never sit in a browser's or a shared
 * proxy's cache. Set on all answers, not route by route, so a new route cannot forget it; the
 * public listings lose nothing, as the gateway caches them itself.
 */
export function noStoreMiddleware(_request: Request, response: Response, next: NextFunction): void {
  response.setHeader('Cache-Control', 'no-store');
  next();
}
