import type { AccessTokenClaims, AccountStatusAnswer } from '@arogyam/contracts';

/**
 * Who signs access tokens and for whom: user-service signs with both, and the gateway (HTTP and
 * sockets) accepts no token without them, so a token another system signed with a shared or
 * leaked secret for another purpose is not an Arogyam session.
 */
export const ACCESS_TOKEN_ISSUER = 'arogyam-user-service';
export const ACCESS_TOKEN_AUDIENCE = 'arogyam-api';

/** What jsonwebtoken checks on every access token, HTTP and sockets alike. */
export const ACCESS_TOKEN_VERIFY_OPTIONS = {
  algorithms: ['HS256' as const],
  issuer: ACCESS_TOKEN_ISSUER,
  audience: ACCESS_TOKEN_AUDIENCE,
};

export interface TokenRefusal {
  status: 401 | 403;
  message: string;
}

/**
 * Why a verified token may not act for its account now, or undefined: the role changed, the
 * account is suspended, or it was suspended and reactivated since the token was issued (its
 * version moved on). The same rules for a request and a socket handshake.
 */
export function accountRefusal(
  claims: AccessTokenClaims,
  account: AccountStatusAnswer,
): TokenRefusal | undefined {
  const stale = {
    status: 401 as const,
    message: 'This token no longer matches the account; please sign in again.',
  };
  if (account.role !== claims.role) return stale;
  // Suspension first, so a suspended person is told so (403), not asked to sign in again.
  if (!account.active) return { status: 403, message: 'This account is suspended.' };
  if ((claims.ver ?? 0) !== account.tokenVersion) return stale;
  return undefined;
}
