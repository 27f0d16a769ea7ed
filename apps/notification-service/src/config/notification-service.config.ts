import { IsInt, IsString, IsUrl, Matches, Max, Min, MinLength, ValidateIf } from 'class-validator';
import { DataServiceConfig, productionAppUrlProblem, type ProductionChecked } from '@arogyam/service-kit';

/** A web app's address, as an email links to it: http(s), no trailing slash. */
const appUrl = (name: string) =>
  IsUrl(
    { require_tld: false, protocols: ['http', 'https'], require_protocol: true },
    { message: `${name} must be the http(s) address of the app, e.g. https://app.example.org` },
  );

/** Twilio is used once any of its variables is set, and then needs all three. */
const twilioConfigured = (config: NotificationServiceConfig): boolean =>
  [config.TWILIO_ACCOUNT_SID, config.TWILIO_AUTH_TOKEN, config.TWILIO_FROM].some(
    (value) => value !== undefined && value !== '',
  );

export class NotificationServiceConfig extends DataServiceConfig implements ProductionChecked {
  override MONGO_DB = 'arogyam_notifications';

  /**
   * Where email goes: an SMTP server (`smtp://host:port`, `smtps://user:pass@host:465`), or
   * `dev`: each email is written as a JSON file into `<NOTIFICATION_OUTBOX_DIR>/email`.
   */
  @Matches(/^(dev|smtps?:\/\/\S+)$/, { message: 'must be dev or look like smtp://host:587' })
  SMTP_URL: string = 'dev';

  /** The From: of every email. */
  @IsString()
  @MinLength(3)
  NOTIFICATION_EMAIL_FROM: string = 'Arogyam <no-reply@arogyam.dev>';

  /** The dev outboxes: `<dir>/email` (with SMTP_URL=dev) and `<dir>/sms` (without Twilio). */
  @IsString()
  @MinLength(1)
  NOTIFICATION_OUTBOX_DIR: string = '.data/outbox';

  @ValidateIf(twilioConfigured)
  @Matches(/^AC[0-9a-fA-F]{32}$/, { message: 'must be a Twilio account SID (AC + 32 hex digits)' })
  TWILIO_ACCOUNT_SID?: string;

  @ValidateIf(twilioConfigured)
  @IsString()
  @MinLength(1)
  TWILIO_AUTH_TOKEN?: string;

  /** The sending number (E.164, e.g. +14155550100) or a messaging service SID (MG…). */
  @ValidateIf(twilioConfigured)
  @Matches(/^(\+[1-9]\d{6,14}|MG[0-9a-fA-F]{32})$/, {
    message: 'must be an E.164 number (+14155550100) or a messaging service SID (MG…)',
  })
  TWILIO_FROM?: string;

  /**
   * Where the patient, doctor and admin apps are opened: emailed links (a password reset) point
   * there. The development defaults are `npm start`'s; production refuses them.
   */
  @appUrl('PATIENT_APP_URL')
  PATIENT_APP_URL: string = 'http://127.0.0.1:5173';

  @appUrl('DOCTOR_APP_URL')
  DOCTOR_APP_URL: string = 'http://127.0.0.1:5174';

  @appUrl('ADMIN_APP_URL')
  ADMIN_APP_URL: string = 'http://127.0.0.1:5175';

  /** How often each instance looks for reminders that fell due. */
  @IsInt()
  @Min(1)
  @Max(3600)
  REMINDER_POLL_SECONDS: number = 30;

  /** Read in-app notifications, and email and SMS records, are deleted this many days after they were made. */
  @IsInt()
  @Min(1)
  @Max(3650)
  NOTIFICATION_RETENTION_DAYS: number = 90;

  /** How often each instance deletes what is past its retention (no TTL indexes on FerretDB). */
  @IsInt()
  @Min(1)
  @Max(86400)
  RETENTION_SWEEP_SECONDS: number = 3600;

  /** Links to a developer's machine (the defaults) or over plain http never go out in production. */
  productionProblems(): string[] {
    return [
      productionAppUrlProblem('PATIENT_APP_URL', this.PATIENT_APP_URL),
      productionAppUrlProblem('DOCTOR_APP_URL', this.DOCTOR_APP_URL),
      productionAppUrlProblem('ADMIN_APP_URL', this.ADMIN_APP_URL),
    ].filter((problem): problem is string => problem !== undefined);
  }
}
