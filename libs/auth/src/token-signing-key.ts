import { createSecretKey, type KeyObject } from 'node:crypto';

/**
 * The HS256 key of access tokens as a KeyObject, made once. Given a string, jsonwebtoken first
 * tries to parse it as a PEM key on every sign and verify, and builds and throws away an error
 * each time it is not one: with a string secret that was a third of the gateway's CPU per request.
 */
export const tokenSigningKey = (secret: string): KeyObject => createSecretKey(Buffer.from(secret, 'utf8'));
