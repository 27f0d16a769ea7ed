import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AccountIdMessage,
  AccountStatusMessage,
  ChangePasswordMessage,
  ListUsersQueryDto,
  RegisterAccountMessage,
  UserSubjects,
  type AccountStatusAnswer,
  type AccountView,
  type AuthResult,
  type Page,
} from '@arogyam/contracts';
import { SessionsService } from '../sessions/sessions.service';
import { AccountsService } from './accounts.service';

@Controller()
export class AccountsHandler {
  constructor(
    private readonly accounts: AccountsService,
    private readonly sessions: SessionsService,
  ) {}

  /** A new account is signed in at once. */
  @MessagePattern(UserSubjects.register)
  async register(@Payload() message: RegisterAccountMessage): Promise<AuthResult> {
    return this.sessions.startSession(await this.accounts.register(message));
  }

  @MessagePattern(UserSubjects.accountStatus)
  status(@Payload() message: AccountStatusMessage): Promise<AccountStatusAnswer> {
    return this.accounts.status(message.userId);
  }

  @MessagePattern(UserSubjects.list)
  list(@Payload() query: ListUsersQueryDto): Promise<Page<AccountView>> {
    return this.accounts.list(query);
  }

  /** Suspension also ends every session the user has. */
  @MessagePattern(UserSubjects.suspend)
  async suspend(@Payload() message: AccountIdMessage): Promise<AccountView> {
    const account = await this.accounts.setStatus(message.userId, message.actorId, 'suspended');
    await this.sessions.endAllSessions(message.userId);
    return account;
  }

  /**
   * Every session of the account ends (other devices sign in again) and the caller gets a new one,
   * issued at the new token version.
   */
  @MessagePattern(UserSubjects.changePassword)
  async changePassword(@Payload() message: ChangePasswordMessage): Promise<AuthResult> {
    const account = await this.accounts.changePassword(
      message.userId,
      message.currentPassword,
      message.newPassword,
    );
    await this.sessions.endAllSessions(account._id);
    return this.sessions.startSession(account);
  }

  @MessagePattern(UserSubjects.reactivate)
  reactivate(@Payload() message: AccountIdMessage): Promise<AccountView> {
    return this.accounts.setStatus(message.userId, message.actorId, 'active');
  }
}
