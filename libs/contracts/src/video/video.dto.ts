import { Type } from 'class-transformer';
import { IsObject, IsOptional, IsString, ValidateNested } from 'class-validator';
import { ActorDto } from '../common/actor-message.dto';
import { MaxTextLength, MinTextLength } from '../common/text-length';

/** The socket payload of `call:start`, `call:accept`, `call:decline`, `call:end`, `rtc:join`, `rtc:leave`. */
export class VideoCallPayload {
  @IsString()
  @MinTextLength(1)
  @MaxTextLength(64)
  appointmentId: string;
}

export const SIGNAL_TYPES = ['offer', 'answer', 'ice'] as const;
export type SignalType = (typeof SIGNAL_TYPES)[number];

/** A WebRTC signal: `{type: 'offer'|'answer', sdp}` or `{type: 'ice', candidate}`; passed on as is. */
export interface Signal {
  type: SignalType;
  [field: string]: unknown;
}

/** Its `type` is checked by {@link isSignal}; the rest is the browser's and is passed on untouched. */
export const isSignal = (value: unknown): value is Signal =>
  typeof value === 'object' &&
  value !== null &&
  (SIGNAL_TYPES as readonly unknown[]).includes((value as { type?: unknown }).type);

/** The socket payload of `rtc:signal`. */
export class VideoSignalPayload extends VideoCallPayload {
  @IsObject()
  signal: Signal;
}

// The constraint of a TypeScript mixin must be a constructor of `any[]` (TS2545).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type PayloadConstructor = new (...args: any[]) => object;

/**
 * A socket payload as video-service receives it over NATS: the same fields plus the gateway's
 * actor (the socket's user), validated like the rest.
 */
export function WithActor<P extends PayloadConstructor>(PayloadClass: P) {
  class ActorMessage extends PayloadClass {
    @ValidateNested()
    @Type(() => ActorDto)
    actor: ActorDto;
  }
  return ActorMessage;
}

/** `video.call.*`, `video.room.join`, `video.room.leave`: the actor and the appointment. */
export class VideoCallMessage extends WithActor(VideoCallPayload) {
  /** The gateway's socket id, on `video.room.join`: a participant is present while one is connected. */
  @IsOptional()
  @IsString()
  @MaxTextLength(64)
  socketId?: string;
}

/** `video.signal.relay`. */
export class VideoSignalMessage extends WithActor(VideoSignalPayload) {}

/** `video.room.disconnect`: one of the participant's sockets that joined the room is gone. */
export class VideoSocketGoneMessage extends WithActor(VideoCallPayload) {
  @IsString()
  @MinTextLength(1)
  @MaxTextLength(64)
  socketId: string;
}
