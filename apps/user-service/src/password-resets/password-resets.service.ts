import { Injectable, Logger } from '@nestjs/common';
import { DomainError, UserEventTypes, type UserPasswordResetRequestedPayload } from '@arogyam/contracts';
import { createEvent, EventPublisher, failureSummary } from '@arogyam/messaging';
import { currentRequestLanguage } from '@arogyam/service-kit';
import type { Account } from '../accounts/account.schema';
import { AccountsService } from '../accounts/accounts.service';
import { UserServiceConfig } from '../config/user-service.config';
import { SessionsService } from '../sessions/sessions.service';
import type { PasswordReset } from './password-reset.schema';
import { PasswordResetRepository } from './password-reset.repository';
import { ResetTokenCodec } from './reset-token-codec';

/** One answer for an unknown, expired, used or replaced link: which of them it was helps nobody. */
export const RESET_LINK_REFUSED =
  'This password reset link has expired or has already been used. Please ask for a new one.';

/**
 * Password reset by an emailed one-time link. A request for an active account opens a link (a new
 * one ends the earlier) and publishes `user.secret.password-reset-requested`, which notification-service
 * turns into the email. The event goes straight to JetStream, not through the account's outbox,
 * so the token is never written to this service's database; if publishing fails the request is
 * lost and the person asks again. Nothing here logs a token.
 */
@Injectable()
export class PasswordResetsService {
  private readonly logger = new Logger(PasswordResetsService.name);

  constructor(
    private readonly accounts: AccountsService,
    private readonly sessions: SessionsService,
    private readonly resets: PasswordResetRepository,
    private readonly publisher: EventPublisher,
    private readonly config: UserServiceConfig,
  ) {}

  /**
   * Runs the request after the caller has its answer, so neither the answer nor its timing tells
   * whether the address has an account.
   */
  requestInBackground(email: string): void {
    void this.request(email).catch((error: unknown) =>
      this.logger.warn(`A password reset request failed; the person may ask again: ${failureSummary(error)}`),
    );
  }

  /** Unknown and suspended accounts get no link (a suspended person could not log in with it). */
  async request(email: string): Promise<void> {
    const account = await this.accounts.findByEmail(email);
    if (!account || account.status !== 'active') return;
    const { token, hash } = ResetTokenCodec.create();
    const requestedAt = new Date();
    const expiresAt = new Date(requestedAt.getTime() + this.config.PASSWORD_RESET_TTL_SECONDS * 1000);
    await this.resets.replace(account._id, hash, requestedAt, expiresAt);
    const payload: UserPasswordResetRequestedPayload = {
      userId: account._id,
      role: account.role,
      email: account.email,
      fullName: account.fullName,
      token,
      expiresAt: expiresAt.toISOString(),
      // Theirs, once they chose one; until then the language of the page the link was asked from.
      language: account.language ?? currentRequestLanguage(),
    };
    await this.publisher.publish(createEvent(UserEventTypes.passwordResetRequested, payload));
  }

  /** Whether the link still works, for the reset page to say so before the form is filled. */
  async check(token: string): Promise<void> {
    await this.usable(token);
  }

  /**
   * Sets the new password: the link must be open, the password strong (checked before the link is
   * spent), and the link is marked used by the one use that wins. Every earlier access token stops
   * working (token version) and every session ends.
   */
  async complete(token: string, newPassword: string): Promise<void> {
    const { reset, account } = await this.usable(token);
    this.accounts.assertStrongPassword(newPassword, account);
    if (!(await this.resets.claim(reset._id, reset.tokenHash, new Date())))
      throw DomainError.badRequest(RESET_LINK_REFUSED);
    await this.accounts.setPassword(account, newPassword);
    await this.sessions.endAllSessions(account._id);
  }

  private async usable(token: string): Promise<{ reset: PasswordReset; account: Account }> {
    const reset = await this.resets.findByTokenHash(ResetTokenCodec.hash(token));
    if (!reset || reset.usedAt || reset.expiresAt.getTime() <= Date.now())
      throw DomainError.badRequest(RESET_LINK_REFUSED);
    const account = await this.accounts.findById(reset._id);
    if (!account || account.status !== 'active') throw DomainError.badRequest(RESET_LINK_REFUSED);
    return { reset, account };
  }
}
