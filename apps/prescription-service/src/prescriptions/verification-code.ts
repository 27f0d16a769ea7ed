import { randomBytes } from 'node:crypto';

/** Crockford's base32: no I, L, O or U, so a code read off paper is not mistyped. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const VERIFICATION_CODE_LENGTH = 12;

/** 60 random bits (12 characters of 5 bits each; 32 divides 256, so every character is uniform). */
export const newVerificationCode = (): string =>
  Array.from(randomBytes(VERIFICATION_CODE_LENGTH), (byte) => ALPHABET[byte & 31]).join('');
