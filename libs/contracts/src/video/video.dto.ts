import { Type } from 'class-transformer';
import { IsObject, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { ActorDto } from '../common/actor-message.dto';

/** The socket payload of `call:start`, `call:accept`, `call:decline`, `call:end`, `rtc:join`, `rtc:leave`. */
export class VideoCallPayload {
  @IsString()
  @MinLength(1)
  @MaxLength(64)
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

/** `video.call.*`, `video.room.join`, `video.room.leave`: the actor and the appointment. */
export class VideoCallMessage extends VideoCallPayload {
  @ValidateNested()
  @Type(() => ActorDto)
  actor: ActorDto;
}

/** `video.signal.relay`. */
export class VideoSignalMessage extends VideoSignalPayload {
  @ValidateNested()
  @Type(() => ActorDto)
  actor: ActorDto;
}
