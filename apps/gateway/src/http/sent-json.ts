import { constants, gzipSync } from 'node:zlib';
import type { Response } from 'express';
import { acceptsGzip } from './accepts-gzip';

/**
 * A cached JSON answer kept as the bytes sent: serialised once, gzipped once on the first request
 * that accepts gzip (at the fastest level: a 130 KB slot listing in ~0.4 ms to 11 KB; patients are
 * often on mobile data), so answering it again costs no serialisation. Routes that answer from a
 * cache take the response (`@Res()`) and `send` on it; the answer's own type is then invisible to
 * OpenAPI, so such a route describes it with `@ApiOkResponse`.
 */
export class SentJson {
  readonly json: Buffer;
  private gzipped?: Buffer;

  constructor(answer: unknown) {
    this.json = Buffer.from(JSON.stringify(answer));
  }

  gzip(): Buffer {
    this.gzipped ??= gzipSync(this.json, { level: constants.Z_BEST_SPEED });
    return this.gzipped;
  }

  /**
   * Sends the answer as a client that sent `acceptEncoding` takes it, gzipped when it takes gzip.
   * `Vary` is added to (not replaced: CORS has set `Origin`), as the same URL answers in either
   * encoding. Written with one `end`, not returned as a StreamableFile: its Readable, pipe and
   * listeners were 130 µs of a cached search's ~0.6 ms of gateway CPU in a profile (2026-12-06),
   * for a body that is already whole in memory.
   */
  send(acceptEncoding: string | undefined, response: Response): void {
    response.vary('Accept-Encoding');
    const gzip = acceptsGzip(acceptEncoding);
    if (gzip) response.setHeader('Content-Encoding', 'gzip');
    const body = gzip ? this.gzip() : this.json;
    response.setHeader('Content-Type', 'application/json; charset=utf-8');
    response.setHeader('Content-Length', body.length);
    response.end(body);
  }
}
