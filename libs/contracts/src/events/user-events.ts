import type { EventEnvelope } from './event-envelope';
import type { Language } from '../identity/language';
import type { UserRole } from '../identity/user-view';

export const UserEventTypes = {
  registered: 'user.registered',
  suspended: 'user.suspended',
  reactivated: 'user.reactivated',
  /**
   * Carries a live one-time secret: never logged, and consumers keep no copy of it. Three tokens
   * on purpose: the profile services follow `evt.user.*` (account events), which does not reach
   * it, and the bus permissions let only notification-service's consumer take it.
   */
  passwordResetRequested: 'user.secret.password-reset-requested',
  passwordChanged: 'user.password-changed',
  /** The account's language changed: notification-service writes to the person in it from then on. */
  languageChanged: 'user.language-changed',
  /**
   * The patient deleted their account: every service erases or anonymises what it holds of them
   * (docs/decisions.md, "Erasure"). Carries no personal data, only the id.
   */
  erased: 'user.erased',
} as const;

/** Carries the profile fields given at registration so the owning profile service can create it. */
export interface UserRegisteredPayload {
  userId: string;
  role: UserRole;
  email: string;
  fullName: string;
  profile: Record<string, unknown>;
}

export interface UserStatusChangedPayload {
  userId: string;
  role: UserRole;
}

export type UserRegisteredEvent = EventEnvelope<typeof UserEventTypes.registered, UserRegisteredPayload>;
export type UserSuspendedEvent = EventEnvelope<typeof UserEventTypes.suspended, UserStatusChangedPayload>;
export type UserReactivatedEvent = EventEnvelope<typeof UserEventTypes.reactivated, UserStatusChangedPayload>;

/**
 * The emailed link's one-time token, in clear: the only place it exists besides the email (user-service
 * stores its hash). It expires at `expiresAt` and works once.
 */
export interface UserPasswordResetRequestedPayload {
  userId: string;
  role: UserRole;
  email: string;
  fullName: string;
  token: string;
  expiresAt: string;
  /** The account's language, the email's (absent from events of older user-services: English). */
  language?: Language;
}

/** The password changed (a reset or the person's own change): every earlier token of the account is dead. */
export interface UserPasswordChangedPayload {
  userId: string;
  role: UserRole;
}

export type UserPasswordResetRequestedEvent = EventEnvelope<
  typeof UserEventTypes.passwordResetRequested,
  UserPasswordResetRequestedPayload
>;
export type UserPasswordChangedEvent = EventEnvelope<
  typeof UserEventTypes.passwordChanged,
  UserPasswordChangedPayload
>;

/** The account's language as the person just set it (the event's `occurredAt` orders changes). */
export interface UserLanguageChangedPayload {
  userId: string;
  role: UserRole;
  language: Language;
}

export type UserLanguageChangedEvent = EventEnvelope<
  typeof UserEventTypes.languageChanged,
  UserLanguageChangedPayload
>;

/** `user.erased`: ids and the time only, never a name or an address (it stays in the stream for days). */
export interface UserErasedPayload {
  userId: string;
  role: UserRole;
  erasedAt: string;
}

export type UserErasedEvent = EventEnvelope<typeof UserEventTypes.erased, UserErasedPayload>;

/** What every service calls an erased patient from then on (docs/decisions.md, "Erasure"). */
export const ERASED_PATIENT_NAME = 'Deleted patient';

/** An erased account's email: unique like every email, of a reserved domain no mail can reach. */
export const erasedEmailOf = (userId: string): string => `erased-${userId}@invalid`;

/**
 * The erased patient of a `user.erased` event, or undefined when it is not a patient's or is
 * malformed (redelivery cannot mend that: the consumer acks it). Doctors and admins are not
 * erased this way.
 */
export function erasedPatientOf(event: EventEnvelope): string | undefined {
  const payload = event.payload as Partial<UserErasedPayload> | null;
  if (payload?.role !== 'patient') return undefined;
  return typeof payload.userId === 'string' && payload.userId.length > 0 ? payload.userId : undefined;
}
