import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { FilterQuery, Model } from 'mongoose';
import type { ProfileRenamedPayload, UserRole } from '@arogyam/contracts';
import { Account } from '../accounts/account.schema';

/**
 * Keeps each account's name equal to the name on its profile, which doctor-service and
 * patient-service own: login answers and the admins' user list show the account's name.
 */
@Injectable()
export class AccountNamesService {
  constructor(@InjectModel(Account.name) private readonly accounts: Model<Account>) {}

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
    const notNewer: FilterQuery<Account> = {
      _id: userId,
      role,
      $or: [{ nameChangedAt: { $exists: false } }, { nameChangedAt: { $lt: at } }],
    };
    await this.accounts.updateOne(notNewer, { $set: { fullName, nameChangedAt: at } }).exec();
  }
}
