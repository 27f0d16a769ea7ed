import { constants, gzipSync } from 'node:zlib';
import { StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import { acceptsGzip } from './accepts-gzip';

/**
 * A cached JSON answer kept as the bytes sent: serialised once, gzipped once on the first request
 * that accepts gzip (at the fastest level: a 130 KB slot listing in ~0.4 ms to 11 KB; patients are
 * often on mobile data), so answering it again costs no serialisation. Routes that answer from a
 * cache return `sendAs`; the answer's own type is then invisible to OpenAPI, so such a route
 * describes it with `@ApiOkResponse`.
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
   * The body for a client that sent `acceptEncoding`, gzipped when it takes gzip. `Vary` is added
   * to (not replaced: CORS has set `Origin`), as the same URL answers in either encoding.
   */
  sendAs(acceptEncoding: string | undefined, response: Response): StreamableFile {
    response.vary('Accept-Encoding');
    const gzip = acceptsGzip(acceptEncoding);
    if (gzip) response.setHeader('Content-Encoding', 'gzip');
    const body = gzip ? this.gzip() : this.json;
    return new StreamableFile(body, { type: 'application/json; charset=utf-8', length: body.length });
  }
}
