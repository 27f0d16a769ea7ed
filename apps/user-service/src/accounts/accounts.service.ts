import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  DomainError,
  PRIVACY_NOTICE_VERSION,
  UserEventTypes,
  type AccountStatusAnswer,
  type AccountView,
  type ListUsersQueryDto,
  type Page,
  type RegisterAccountMessage,
  type UserRole,
  isDuplicateKey,
} from '@arogyam/contracts';
import { PasswordHasher } from '@arogyam/auth';
import { createEvent } from '@arogyam/messaging';
import { InjectOutboxRelay, OutboxRelay, pageWindow, toPage } from '@arogyam/persistence';
import { Account } from './account.schema';
import { AccountRepository } from './account.repository';
import { toAccountView } from './account-views';
import { PasswordPolicy } from './password-policy';
import { accountSearchOf } from './account-search';
import type { AccountMatch } from './account.repository';
import { PatientsByPhoneLookup } from './patients-by-phone.lookup';

@Injectable()
export class AccountsService {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly hasher: PasswordHasher,
    private readonly passwordPolicy: PasswordPolicy,
    private readonly patientsByPhone: PatientsByPhoneLookup,
    @InjectOutboxRelay(Account.name) private readonly relay: OutboxRelay<Account>,
  ) {}

  /** Creates the account and, in the same write, the `user.registered` event for its profile service. */
  async register(message: RegisterAccountMessage): Promise<Account> {
    if (message.privacyNoticeVersion !== PRIVACY_NOTICE_VERSION)
      throw new DomainError(
        400,
        'The privacy notice has changed since you read it. Please read the current one and accept it.',
        [
          {
            field: 'privacyNoticeVersion',
            problem: `is not the current version (${PRIVACY_NOTICE_VERSION})`,
          },
        ],
        'privacy_notice_outdated',
      );
    this.passwordPolicy.assertStrong(message.password, [message.email, message.fullName]);
    const _id = randomUUID();
    const event = createEvent(UserEventTypes.registered, {
      userId: _id,
      role: message.role,
      email: message.email,
      fullName: message.fullName,
      profile: message.profile,
    });
    try {
      const account = await this.accounts.create(
        {
          _id,
          email: message.email,
          passwordHash: await this.hasher.hash(message.password),
          fullName: message.fullName,
          role: message.role,
          privacyNotice: { version: message.privacyNoticeVersion, acceptedAt: new Date() },
        },
        [event],
      );
      void this.relay.flush(account._id);
      return account;
    } catch (error) {
      if (isDuplicateKey(error)) {
        throw DomainError.conflict('An account with this email already exists.');
      }
      throw error;
    }
  }

  findByEmail(email: string): Promise<Account | null> {
    return this.accounts.findByEmail(email);
  }

  findById(userId: string): Promise<Account | null> {
    return this.accounts.findById(userId);
  }

  /** Asked by the gateway on every authenticated request. */
  async status(userId: string): Promise<AccountStatusAnswer> {
    const account = await this.accounts.roleAndStatusOf(userId);
    // An erased account is gone for its owner: 401 (sign in), not a suspension's 403.
    if (!account || account.status === 'erased')
      throw DomainError.unauthorized('This account no longer exists.');
    return {
      userId,
      role: account.role,
      active: account.status === 'active',
      tokenVersion: account.tokenVersion ?? 0,
    };
  }

  /**
   * The admins' list, newest first, narrowed by role and/or status, and by `q`: a name, an email
   * or a phone number, each by its beginning (a phone number by its end). `q` is never logged.
   */
  async list(query: ListUsersQueryDto): Promise<Page<AccountView>> {
    const window = pageWindow(query);
    const match = query.q ? await this.matchOf(query.q) : undefined;
    const { documents, total, totalIsLowerBound } = await this.accounts.pageForAdmins(
      { role: query.role, status: query.status, match },
      window,
    );
    return toPage(documents.map(toAccountView), total, window, totalIsLowerBound);
  }

  private async matchOf(text: string): Promise<AccountMatch> {
    const search = accountSearchOf(text);
    if ('match' in search) return search.match;
    return { ids: await this.patientsByPhone.idsOf(search.phoneDigits) };
  }

  /** Suspends or reactivates; the event lets profile services hide or show the person. */
  async setStatus(userId: string, actorId: string, status: 'active' | 'suspended'): Promise<AccountView> {
    if (userId === actorId)
      throw DomainError.unprocessable('You cannot change the status of your own account.');
    const target = await this.findById(userId);
    if (!target) throw DomainError.notFound('No such user.');
    if (target.role === 'admin')
      throw DomainError.unprocessable('Administrator accounts cannot be suspended here.');
    if (target.status === 'erased')
      throw DomainError.conflict('This account was deleted by its owner; it cannot be changed.');
    const event = createEvent(
      status === 'suspended' ? UserEventTypes.suspended : UserEventTypes.reactivated,
      {
        userId,
        role: target.role as UserRole,
      },
    );
    const updated = await this.accounts.setStatus(userId, status, event);
    if (!updated) throw DomainError.notFound('No such user.');
    // Published before the answer: gateways drop their cached status of the user when they hear it.
    await this.relay.flush(userId);
    return toAccountView(updated);
  }

  /** Refuses a weak new password as registration does (the problem shown on `newPassword`). */
  assertStrongPassword(password: string, account: Account): void {
    this.passwordPolicy.assertStrong(password, [account.email, account.fullName], 'newPassword');
  }

  /**
   * The signed-in person's own change: the current password must be right (a 400 on
   * `currentPassword`, not a 401, which clients take for an ended session).
   */
  async changePassword(userId: string, currentPassword: string, newPassword: string): Promise<Account> {
    const account = await this.findById(userId);
    if (!account) throw DomainError.unauthorized('This account no longer exists.');
    if (!(await this.hasher.verify(account.passwordHash, currentPassword)))
      throw DomainError.badRequest('Your current password is not right.', [
        { field: 'currentPassword', problem: 'is not your current password' },
      ]);
    this.assertStrongPassword(newPassword, account);
    return this.setPassword(account, newPassword);
  }

  /**
   * Stores the new password; every access token issued before stops working (its `ver` no longer
   * matches). `user.password-changed` is published before the answer, so gateways drop their
   * cached status of the account at once, as for a suspension.
   */
  async setPassword(account: Account, password: string): Promise<Account> {
    const event = createEvent(UserEventTypes.passwordChanged, { userId: account._id, role: account.role });
    const updated = await this.accounts.setPassword(account._id, await this.hasher.hash(password), event);
    if (!updated) throw DomainError.notFound('No such user.');
    await this.relay.flush(account._id);
    return updated;
  }

  /** The first admin, idempotent across restarts and racing instances. */
  async ensureAdmin(email: string, password: string): Promise<void> {
    if (await this.findByEmail(email)) return;
    try {
      await this.accounts.create({
        _id: randomUUID(),
        email,
        passwordHash: await this.hasher.hash(password),
        fullName: 'Administrator',
        role: 'admin',
      });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }
}
