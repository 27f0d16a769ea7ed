import type { EventEnvelope } from './event-envelope';
import type { UserRole } from '../identity/user-view';

export const UserEventTypes = {
  registered: 'user.registered',
  suspended: 'user.suspended',
  reactivated: 'user.reactivated',
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
