import type { Request } from 'express';

/** The search's query string exactly as the client sent it (without `?`), before any parsing. */
export const searchQueryStringOf = (request: Request): string => {
  const at = request.url.indexOf('?');
  return at < 0 ? '' : request.url.slice(at + 1);
};
