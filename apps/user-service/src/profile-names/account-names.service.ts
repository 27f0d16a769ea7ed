import { Injectable } from '@nestjs/common';
import type { ProfileRenamedPayload, UserRole } from '@arogyam/contracts';
import { AccountRepository } from '../accounts/account.repository';

/**
 * Keeps each account's name equal to the name on its profile, which doctor-service and
 * patient-service own: login answers and the admins' user list show the account's name.
 */
@Injectable()
export class AccountNamesService {
  constructor(private readonly accounts: AccountRepository) {}

  /**
   * Applies a rename that happened at `occurredAt` unless a later one was applied already, so a
   * redelivered or late event changes nothing. Only an account of the profile's role is renamed.
   */
  async renamed(
    role: UserRole,
    { userId, fullName }: ProfileRenamedPayload,
    occurredAt: string,
  ): Promise<void> {
    const at = new Date(occurredAt);
    // Redelivery cannot mend a malformed event: it is acked unapplied (the next rename mends it).
    if (
      typeof userId !== 'string' ||
      typeof fullName !== 'string' ||
      !fullName.trim() ||
      Number.isNaN(at.getTime())
    )
      return;
    await this.accounts.rename(userId, role, fullName, at);
  }
}
