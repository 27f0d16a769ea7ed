import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { AccessTokenClaims } from '@arogyam/contracts';
import {
  ACCESS_TOKEN_VERIFY_OPTIONS,
  ACCOUNT_STATUS_CHECKER,
  accountRefusal,
  type AccountStatusChecker,
  type AuthenticatedUser,
} from '@arogyam/auth';

/** Who a socket is for, and the version of the token it showed (a password change makes it stale). */
export interface SocketIdentity {
  user: AuthenticatedUser;
  tokenVersion: number;
}

/** The Socket.IO handshake's `auth.token` is checked like a bearer token: issuer, audience, role, version, status. */
@Injectable()
export class SocketAuthenticator {
  constructor(
    private readonly jwt: JwtService,
    @Inject(ACCOUNT_STATUS_CHECKER) private readonly accounts: AccountStatusChecker,
  ) {}

  async authenticate(token: unknown): Promise<SocketIdentity> {
    if (typeof token !== 'string' || token.length === 0) {
      throw new Error('Authentication failed: no access token in the handshake (auth.token).');
    }
    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(token, ACCESS_TOKEN_VERIFY_OPTIONS);
    } catch {
      throw new Error('Authentication failed: the access token is invalid or expired.');
    }
    const account = await this.accounts.check(claims.sub).catch(() => {
      throw new Error('Authentication failed: accounts are unavailable right now; please retry.');
    });
    // The same rules as HTTP: role, token version, suspension.
    const refusal = accountRefusal(claims, account);
    if (refusal)
      throw new Error(
        `Authentication failed: ${refusal.message.charAt(0).toLowerCase()}${refusal.message.slice(1)}`,
      );
    return {
      user: { userId: claims.sub, role: claims.role, email: claims.email },
      tokenVersion: account.tokenVersion,
    };
  }
}
