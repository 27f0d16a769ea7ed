import { ForbiddenException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { AccessTokenClaims } from '@arogyam/contracts';
import { ACCOUNT_STATUS_CHECKER, JWT_SECRET, type AccountStatusChecker } from './account-status-checker';
import type { AuthenticatedUser } from './authenticated-user';

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(JWT_SECRET) secret: string,
    @Inject(ACCOUNT_STATUS_CHECKER) private readonly accounts: AccountStatusChecker,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: secret,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  async validate(claims: AccessTokenClaims): Promise<AuthenticatedUser> {
    const account = await this.accounts.check(claims.sub);
    if (account.role !== claims.role)
      throw new UnauthorizedException('This token no longer matches the account.');
    if (!account.active) throw new ForbiddenException('This account is suspended.');
    return { userId: claims.sub, role: claims.role, email: claims.email };
  }
}
