import { IsIn, IsObject, IsString } from 'class-validator';
import { VideoCallPayload, WithActor } from './video.dto';
import { MaxTextLength, MinTextLength } from '../common/text-length';

/*
 * The SFU's socket payloads (sfu mode only; docs/api.md, "Video calls"). The mediasoup parameters
 * (DTLS, RTP parameters and capabilities) are passed on as the client's mediasoup-client made
 * them: video-service hands them to mediasoup, which checks them, so here they are only objects.
 */

export const TRANSPORT_DIRECTIONS = ['send', 'recv'] as const;
export type TransportDirection = (typeof TRANSPORT_DIRECTIONS)[number];

export const MEDIA_KINDS = ['audio', 'video'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

/** What `rtc:pause` / `rtc:resume` act on. */
export const MEDIA_TARGETS = ['producer', 'consumer'] as const;
export type MediaTarget = (typeof MEDIA_TARGETS)[number];

/** An id mediasoup made (a UUID). */
const MEDIA_ID_MAX = 64;

/** `rtc:transport`: a WebRTC transport to send on or to receive on. */
export class SfuTransportPayload extends VideoCallPayload {
  @IsIn(TRANSPORT_DIRECTIONS)
  direction: TransportDirection;
}

/** `rtc:connect`: the client's side of the transport's DTLS. */
export class SfuConnectPayload extends VideoCallPayload {
  @IsString()
  @MinTextLength(1)
  @MaxTextLength(MEDIA_ID_MAX)
  transportId: string;

  @IsObject()
  dtlsParameters: Record<string, unknown>;
}

/** `rtc:produce`: a track on the caller's send transport. */
export class SfuProducePayload extends VideoCallPayload {
  @IsString()
  @MinTextLength(1)
  @MaxTextLength(MEDIA_ID_MAX)
  transportId: string;

  @IsIn(MEDIA_KINDS)
  kind: MediaKind;

  @IsObject()
  rtpParameters: Record<string, unknown>;
}

/** `rtc:consume`: the other participant's producer, as the caller's device can receive it. */
export class SfuConsumePayload extends VideoCallPayload {
  @IsString()
  @MinTextLength(1)
  @MaxTextLength(MEDIA_ID_MAX)
  producerId: string;

  @IsObject()
  rtpCapabilities: Record<string, unknown>;
}

/** `rtc:pause` / `rtc:resume`: one of the caller's own producers or consumers. */
export class SfuMediaPayload extends VideoCallPayload {
  @IsIn(MEDIA_TARGETS)
  target: MediaTarget;

  @IsString()
  @MinTextLength(1)
  @MaxTextLength(MEDIA_ID_MAX)
  id: string;
}

/** What the caller receives of the other's camera: `low` (data saver) or `auto`. */
export const VIDEO_QUALITIES = ['low', 'auto'] as const;
export type VideoQuality = (typeof VIDEO_QUALITIES)[number];

/** `rtc:quality`: the simulcast layer the caller's video consumers prefer, now and for new ones. */
export class SfuQualityPayload extends VideoCallPayload {
  @IsIn(VIDEO_QUALITIES)
  quality: VideoQuality;
}

export class SfuTransportMessage extends WithActor(SfuTransportPayload) {}
export class SfuQualityMessage extends WithActor(SfuQualityPayload) {}
export class SfuConnectMessage extends WithActor(SfuConnectPayload) {}
export class SfuProduceMessage extends WithActor(SfuProducePayload) {}
export class SfuConsumeMessage extends WithActor(SfuConsumePayload) {}
export class SfuMediaMessage extends WithActor(SfuMediaPayload) {}
