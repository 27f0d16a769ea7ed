import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { AccountsService } from '../accounts/accounts.service';
import { UserServiceConfig } from '../config/user-service.config';

/** Creates the first admin from ADMIN_EMAIL / ADMIN_PASSWORD; a no-op once it exists. */
@Injectable()
export class AdminSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(AdminSeeder.name);

  constructor(
    private readonly accounts: AccountsService,
    private readonly config: UserServiceConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { ADMIN_EMAIL: email, ADMIN_PASSWORD: password } = this.config;
    if (!email || !password) {
      this.logger.warn('ADMIN_EMAIL / ADMIN_PASSWORD not set: no admin account is seeded');
      return;
    }
    await this.accounts.ensureAdmin(email.toLowerCase(), password);
  }
}
