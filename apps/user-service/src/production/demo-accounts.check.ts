import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DEMO_ACCOUNT_EMAILS } from '@arogyam/service-kit';
import { AccountRepository } from '../accounts/account.repository';
import { UserServiceConfig } from '../config/user-service.config';

/**
 * In production, stops user-service at start while a demo account (seeded by `npm start`, its
 * password printed in the README) exists: a database that once ran the demo must not go live
 * with it. Each is looked up by its email (the unique index), so this costs a few reads.
 */
@Injectable()
export class DemoAccountsCheck implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoAccountsCheck.name);

  constructor(
    private readonly accounts: AccountRepository,
    private readonly config: UserServiceConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.production) return;
    const found = await Promise.all(DEMO_ACCOUNT_EMAILS.map((email) => this.accounts.findByEmail(email)));
    const demo = DEMO_ACCOUNT_EMAILS.filter((_email, index) => found[index] !== null);
    if (demo.length === 0) return;
    const message =
      `user-service: cannot start.\nNODE_ENV=production: the database holds demo accounts whose ` +
      `password is printed in the README (${demo.join(', ')}); delete them, or use a database of its own`;
    this.logger.error(message);
    process.stderr.write(`${message}\n`);
    process.exit(78); // EX_CONFIG, as for a bad variable
  }
}
