import { Injectable } from '@nestjs/common';
import { JwtAuthGuard } from '@arogyam/auth';

/** For public routes that show more to some callers (admins see unverified doctors). */
@Injectable()
export class OptionalJwtAuthGuard extends JwtAuthGuard {
  override handleRequest<TUser>(_error: unknown, user: TUser | false): TUser {
    return (user || undefined) as TUser;
  }
}
