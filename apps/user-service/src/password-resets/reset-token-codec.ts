import { createHash, randomBytes } from 'node:crypto';

/** A password reset link's token: 32 random bytes (base64url, 43 characters); only its SHA-256 is stored. */
export const ResetTokenCodec = {
  create(): { token: string; hash: string } {
    const token = randomBytes(32).toString('base64url');
    return { token, hash: ResetTokenCodec.hash(token) };
  },

  hash(token: string): string {
    return createHash('sha256').update(token).digest('base64url');
  },
};
