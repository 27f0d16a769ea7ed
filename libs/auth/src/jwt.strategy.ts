import { ForbiddenException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { AccessTokenClaims } from '@arogyam/contracts';
import { ACCOUNT_STATUS_CHECKER, JWT_SECRET, type AccountStatusChecker } from './account-status-checker';
import { ACCESS_TOKEN_VERIFY_OPTIONS, accountRefusal } from './access-token-rules';
import type { AuthenticatedUser } from './authenticated-user';
import { tokenSigningKey } from './token-signing-key';

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(JWT_SECRET) secret: string,
    @Inject(ACCOUNT_STATUS_CHECKER) private readonly accounts: AccountStatusChecker,
  ) {
    const key = tokenSigningKey(secret);
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // @types/passport-jwt predates KeyObject; jsonwebtoken 9, which verifies, takes one.
      secretOrKeyProvider: (_request, _token, done) => done(null, key as unknown as Buffer),
      ...ACCESS_TOKEN_VERIFY_OPTIONS,
      ignoreExpiration: false,
    });
  }

  async validate(claims: AccessTokenClaims): Promise<AuthenticatedUser> {
    const refusal = accountRefusal(claims, await this.accounts.check(claims.sub));
    if (refusal?.status === 401) throw new UnauthorizedException(refusal.message);
    if (refusal) throw new ForbiddenException(refusal.message);
    return { userId: claims.sub, role: claims.role, email: claims.email };
  }
}
