import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { FilterQuery, Model } from 'mongoose';
import {
  DomainError,
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
import {
  InjectOutboxRelay,
  OutboxRelay,
  pageWindow,
  pushToOutbox,
  toOutboxEntry,
  toPage,
} from '@arogyam/persistence';
import { Account } from './account.schema';
import { toAccountView } from './account-views';

@Injectable()
export class AccountsService {
  constructor(
    @InjectModel(Account.name) private readonly accounts: Model<Account>,
    private readonly hasher: PasswordHasher,
    @InjectOutboxRelay(Account.name) private readonly relay: OutboxRelay<Account>,
  ) {}

  /** Creates the account and, in the same write, the `user.registered` event for its profile service. */
  async register(message: RegisterAccountMessage): Promise<Account> {
    const _id = randomUUID();
    const event = createEvent(UserEventTypes.registered, {
      userId: _id,
      role: message.role,
      email: message.email,
      fullName: message.fullName,
      profile: message.profile,
    });
    try {
      const account = await this.accounts.create({
        _id,
        email: message.email,
        passwordHash: await this.hasher.hash(message.password),
        fullName: message.fullName,
        role: message.role,
        outbox: [toOutboxEntry(event)],
      });
      void this.relay.flush(account._id);
      return account.toObject();
    } catch (error) {
      if (isDuplicateKey(error)) {
        throw DomainError.conflict('An account with this email already exists.');
      }
      throw error;
    }
  }

  findByEmail(email: string): Promise<Account | null> {
    return this.accounts.findOne({ email: email.toLowerCase() }).lean<Account>().exec();
  }

  findById(userId: string): Promise<Account | null> {
    return this.accounts.findById(userId).lean<Account>().exec();
  }

  /** Asked by the gateway on every authenticated request. */
  async status(userId: string): Promise<AccountStatusAnswer> {
    const account = await this.accounts.findById(userId, { role: 1, status: 1 }).lean<Account>().exec();
    if (!account) throw DomainError.unauthorized('This account no longer exists.');
    return { userId, role: account.role, active: account.status === 'active' };
  }

  async list(query: ListUsersQueryDto): Promise<Page<AccountView>> {
    const filter: FilterQuery<Account> = {};
    if (query.role) filter.role = query.role;
    if (query.status) filter.status = query.status;
    const window = pageWindow(query);
    const [items, total] = await Promise.all([
      this.accounts
        .find(filter)
        .sort({ createdAt: -1, _id: 1 })
        .skip(window.skip)
        .limit(window.limit)
        .lean<Account[]>()
        .exec(),
      this.accounts.countDocuments(filter).exec(),
    ]);
    return toPage(items.map(toAccountView), total, window);
  }

  /** Suspends or reactivates; the event lets profile services hide or show the person. */
  async setStatus(userId: string, actorId: string, status: 'active' | 'suspended'): Promise<AccountView> {
    if (userId === actorId)
      throw DomainError.unprocessable('You cannot change the status of your own account.');
    const target = await this.findById(userId);
    if (!target) throw DomainError.notFound('No such user.');
    if (target.role === 'admin')
      throw DomainError.unprocessable('Administrator accounts cannot be suspended here.');
    const event = createEvent(
      status === 'suspended' ? UserEventTypes.suspended : UserEventTypes.reactivated,
      {
        userId,
        role: target.role as UserRole,
      },
    );
    const updated = await this.accounts
      .findByIdAndUpdate(userId, { $set: { status }, ...pushToOutbox(event) }, { new: true })
      .lean<Account>()
      .exec();
    if (!updated) throw DomainError.notFound('No such user.');
    void this.relay.flush(userId);
    return toAccountView(updated);
  }

  /** The first admin, idempotent across restarts and racing instances. */
  async ensureAdmin(email: string, password: string): Promise<void> {
    if (await this.findByEmail(email)) return;
    try {
      await this.accounts.create({
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
