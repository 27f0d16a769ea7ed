import { Injectable, Logger } from '@nestjs/common';
import {
  DEFAULT_LANGUAGE,
  isLanguage,
  type EventEnvelope,
  type UserPasswordResetRequestedPayload,
} from '@arogyam/contracts';
import { EmailSender } from '../channels/email/email-sender';
import { Clock } from '../clock/clock';
import { AppLinks } from '../messages/app-links';
import { passwordResetEmail } from '../messages/password-reset-message';

const isResetRequest = (payload: unknown): payload is UserPasswordResetRequestedPayload => {
  const request = payload as Partial<UserPasswordResetRequestedPayload> | null;
  return Boolean(
    request?.userId &&
    request.role &&
    request.email &&
    request.fullName &&
    request.token &&
    request.expiresAt,
  );
};

/**
 * `user.secret.password-reset-requested`: the link goes by email only, whatever the person's preferences
 * (they asked for it), straight to the email provider: no inbox entry and no notification record,
 * because the email carries a live one-time token that must not be kept here. A redelivered event
 * may send the same link twice (harmless: it works once). A link that expired before it could be
 * sent (an outage, a consumer catching up on old events) is not sent. Nothing here logs the token.
 */
@Injectable()
export class PasswordResetNotices {
  private readonly logger = new Logger(PasswordResetNotices.name);

  constructor(
    private readonly email: EmailSender,
    private readonly links: AppLinks,
    private readonly clock: Clock,
  ) {}

  async requested(event: EventEnvelope): Promise<void> {
    if (!isResetRequest(event.payload)) {
      this.logger.error(`Ignoring ${event.type} ${event.id}: not a password reset request`);
      return;
    }
    const request = event.payload;
    const msLeft = new Date(request.expiresAt).getTime() - this.clock.now().getTime();
    if (!(msLeft > 0)) return;
    const link = `${this.links.base(request.role)}/reset-password?token=${encodeURIComponent(request.token)}`;
    await this.email.send({
      id: `${event.id}:email`,
      to: request.email,
      ...passwordResetEmail(
        {
          fullName: request.fullName,
          link,
          minutesLeft: Math.max(1, Math.round(msLeft / 60_000)),
        },
        // The event says the account's language (user-service knows it as the request is made).
        isLanguage(request.language) ? request.language : DEFAULT_LANGUAGE,
      ),
    });
  }
}
