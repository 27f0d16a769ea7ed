import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/**
 * Events a service gave up on: after its handler failed on each of a bounded number of deliveries
 * (growing delays between them), the event is copied here and no longer redelivered, so one bad
 * event cannot be retried forever. Admins list them and replay one once the cause is fixed.
 */
export const DEAD_LETTER_STREAM = 'DEAD_LETTERS';

/** Where a service's dead letters are kept: `dead.<service>` (the consumer's service name). */
export const deadLetterSubject = (service: string): string => `dead.${service}`;

/** Where a service's consumer takes a replay of one of its dead letters (request-reply). */
export const deadLetterReplaySubject = (service: string): string => `deadletters.replay.${service}`;

/** The answer to a replay: whether the service's handler took the event this time. */
export interface DeadLetterReplayAnswer {
  handled: boolean;
  /** Why not, in the words of the error (never the event's content). */
  reason?: string;
}

/**
 * A dead letter as admins see it: which event, whose, why and when. Never the event's payload,
 * which may hold health data; its id and type say what to look for.
 */
export interface DeadLetterView {
  /** Its place in the dead-letter stream, the id used to replay it. */
  seq: number;
  service: string;
  eventType: string;
  eventId: string;
  reason: string;
  deliveries: number;
  deadAt: string;
}

export class DeadLetterListQueryDto {
  /** The newest this many. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}
