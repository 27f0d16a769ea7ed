import { Logger } from '@nestjs/common';
import {
  UserEventTypes,
  type AccountStatus,
  type EventEnvelope,
  type UserRegisteredPayload,
  type UserRole,
  type UserStatusChangedPayload,
} from '@arogyam/contracts';
import { RpcValidationError, validateMessagePart, type EventHandler } from '@arogyam/messaging';
import type { AccountStatusStore } from './person-profile.repository';

export interface ProfileAccountEventsOptions<TCreate extends object> {
  /** The role whose profiles this service owns; events about other roles are acked and ignored. */
  role: UserRole;
  profiles: AccountStatusStore;
  /** The `*.profile.create` message the registration event is validated against. */
  createMessage: new () => TCreate;
  createProfile: (message: TCreate) => Promise<unknown>;
  /** Called after a status event actually changed a profile (not for stale or repeated ones). */
  onStatusApplied?: (userId: string) => Promise<unknown>;
}

const describeFailure = (error: unknown): string =>
  error instanceof RpcValidationError
    ? JSON.stringify(error.payload.details ?? error.payload.message)
    : (error as Error).message;

/**
 * The handlers a profile service gives its EventConsumer for user-service's account events:
 * `user.registered` creates the profile (idempotently: the gateway usually created it already),
 * `user.suspended` / `user.reactivated` hide and show it. Every handler may run twice or out of
 * order without harm, as JetStream redelivers until acked.
 */
export function profileAccountEventHandlers<TCreate extends object>(
  options: ProfileAccountEventsOptions<TCreate>,
): Record<string, EventHandler> {
  const logger = new Logger(`ProfileAccountEvents(${options.role})`);

  const onRegistered = async (event: EventEnvelope): Promise<void> => {
    const { userId, role, email, fullName, profile } = event.payload as UserRegisteredPayload;
    if (role !== options.role) return;
    let message: TCreate;
    try {
      message = await validateMessagePart(options.createMessage, { ...profile, userId, email, fullName });
    } catch (error) {
      // Redelivery cannot mend a malformed payload: log it for an operator and ack, so the
      // consumer is not stuck retrying it forever while later events wait.
      logger.error(`Ignoring ${event.type} ${event.id} for user ${userId}: ${describeFailure(error)}`);
      return;
    }
    await options.createProfile(message);
  };

  const onStatusChanged =
    (status: AccountStatus) =>
    async (event: EventEnvelope): Promise<void> => {
      const { userId, role } = event.payload as UserStatusChangedPayload;
      if (role !== options.role) return;
      const occurredAt = new Date(event.occurredAt);
      if (Number.isNaN(occurredAt.getTime())) {
        logger.error(`Ignoring ${event.type} ${event.id}: occurredAt "${event.occurredAt}" is not a time`);
        return;
      }
      if (await options.profiles.applyAccountStatus(userId, status, occurredAt)) {
        await options.onStatusApplied?.(userId);
      }
    };

  return {
    [UserEventTypes.registered]: onRegistered,
    [UserEventTypes.suspended]: onStatusChanged('suspended'),
    [UserEventTypes.reactivated]: onStatusChanged('active'),
  };
}
