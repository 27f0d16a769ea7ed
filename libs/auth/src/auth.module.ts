import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { ACCOUNT_STATUS_CHECKER, JWT_SECRET, type AccountStatusChecker } from './account-status-checker';
import { JwtAuthGuard } from './jwt-auth.guard';
import { JwtStrategy } from './jwt.strategy';
import { RolesGuard } from './roles';

export interface AuthModuleOptions {
  jwtSecret: string;
  accountStatusChecker: Type<AccountStatusChecker>;
}

/** Verifies access tokens (issued by user-service) on the edge. */
@Module({})
export class AuthModule {
  static forGateway(options: AuthModuleOptions): DynamicModule {
    return {
      module: AuthModule,
      imports: [PassportModule.register({ defaultStrategy: 'jwt' })],
      providers: [
        { provide: JWT_SECRET, useValue: options.jwtSecret },
        { provide: ACCOUNT_STATUS_CHECKER, useClass: options.accountStatusChecker },
        JwtStrategy,
        JwtAuthGuard,
        RolesGuard,
      ],
      exports: [JwtAuthGuard, RolesGuard, JWT_SECRET, ACCOUNT_STATUS_CHECKER],
    };
  }
}
