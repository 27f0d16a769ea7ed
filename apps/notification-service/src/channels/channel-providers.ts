import { Logger, type Provider } from '@nestjs/common';
import { join } from 'node:path';
import { NotificationServiceConfig } from '../config/notification-service.config';
import { EmailSender } from './email/email-sender';
import { OutboxEmailSender } from './email/outbox-email.sender';
import { SmtpEmailSender } from './email/smtp-email.sender';
import { OutboxSmsProvider } from './sms/outbox-sms.provider';
import { SmsProvider } from './sms/sms-provider';
import { TwilioSmsProvider } from './sms/twilio-sms.provider';

const logger = new Logger('Channels');

/** SMTP when SMTP_URL names a server; with `dev`, JSON files in `<NOTIFICATION_OUTBOX_DIR>/email`. */
export const emailSenderProvider: Provider = {
  provide: EmailSender,
  inject: [NotificationServiceConfig],
  useFactory: (config: NotificationServiceConfig): EmailSender => {
    const sender =
      config.SMTP_URL === 'dev'
        ? new OutboxEmailSender(join(config.NOTIFICATION_OUTBOX_DIR, 'email'), config.NOTIFICATION_EMAIL_FROM)
        : new SmtpEmailSender(config.SMTP_URL, config.NOTIFICATION_EMAIL_FROM);
    logger.log(`Email goes to ${sender.destination}`);
    return sender;
  },
};

/** Twilio when its three variables are set; otherwise JSON files in `<NOTIFICATION_OUTBOX_DIR>/sms`. */
export const smsProviderProvider: Provider = {
  provide: SmsProvider,
  inject: [NotificationServiceConfig],
  useFactory: (config: NotificationServiceConfig): SmsProvider => {
    const provider =
      config.TWILIO_ACCOUNT_SID && config.TWILIO_AUTH_TOKEN && config.TWILIO_FROM
        ? new TwilioSmsProvider({
            accountSid: config.TWILIO_ACCOUNT_SID,
            authToken: config.TWILIO_AUTH_TOKEN,
            from: config.TWILIO_FROM,
          })
        : new OutboxSmsProvider(join(config.NOTIFICATION_OUTBOX_DIR, 'sms'));
    logger.log(`SMS goes to ${provider.destination}`);
    return provider;
  },
};
