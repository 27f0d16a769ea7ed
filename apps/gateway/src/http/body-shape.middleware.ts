import type { NextFunction, Request, Response } from 'express';
import { errorPayload } from '@arogyam/contracts';
import { payloadShapeProblem } from '@arogyam/messaging';

/**
 * Refuses a parsed JSON body too deep or too big (payload-shape.ts) before any guard, pipe or
 * route reads it: the validation pipe checks again, but routes without a DTO and the throttler's
 * trackers read bodies too.
 */
export function bodyShapeMiddleware(request: Request, response: Response, next: NextFunction): void {
  // Raw bodies (the signed webhooks) are bytes, not a structure.
  const problem = Buffer.isBuffer(request.body) ? undefined : payloadShapeProblem(request.body);
  if (!problem) return next();
  response
    .status(400)
    .json(errorPayload(400, 'The request has invalid fields.', [{ field: 'body', problem }]));
}
