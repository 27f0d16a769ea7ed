import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

export interface RefreshTokenParts {
  id: string;
  secret: string;
}

/** `<id>.<secret>`: the id finds the record, the secret proves possession. */
export const RefreshTokenCodec = {
  /** A new token: a random id (a login) or the given one (a rotation's successor id), and a fresh secret. */
  create(id: string = randomUUID()): RefreshTokenParts & { token: string } {
    const secret = randomBytes(32).toString('base64url');
    return { id, secret, token: `${id}.${secret}` };
  },

  /**
   * The one id the successor of a token can have. Rotation inserts the successor under it, so the
   * unique `_id` lets only one use of a token win, on MongoDB and FerretDB alike. The id is no
   * secret (it is half of every token): knowing it without the successor's secret proves nothing.
   * UUID-shaped (RFC 9562 version 8, "custom") like the random ids.
   */
  successorId(id: string): string {
    const hex = createHash('sha256').update(`arogyam.refresh-token.successor:${id}`).digest('hex');
    const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  },

  parse(token: string): RefreshTokenParts | null {
    const [id, secret, ...rest] = token.split('.');
    if (!id || !secret || rest.length > 0) return null;
    return { id, secret };
  },

  hash(secret: string): string {
    return createHash('sha256').update(secret).digest('base64url');
  },

  matches(secret: string, storedHash: string): boolean {
    const a = Buffer.from(RefreshTokenCodec.hash(secret));
    const b = Buffer.from(storedHash);
    return a.length === b.length && timingSafeEqual(a, b);
  },
};
