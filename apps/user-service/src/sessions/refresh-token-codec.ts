import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

export interface RefreshTokenParts {
  id: string;
  secret: string;
}

/** `<id>.<secret>`: the id finds the record, the secret proves possession. */
export const RefreshTokenCodec = {
  create(): RefreshTokenParts & { token: string } {
    const id = randomUUID();
    const secret = randomBytes(32).toString('base64url');
    return { id, secret, token: `${id}.${secret}` };
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
