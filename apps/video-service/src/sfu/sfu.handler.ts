import { Controller, type OnModuleInit } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  SfuConnectMessage,
  SfuConsumeMessage,
  SfuMediaMessage,
  SfuProduceMessage,
  SfuQualityMessage,
  SfuTransportMessage,
  VideoCallMessage,
  VideoSubjects,
  type SfuCapabilitiesView,
  type SfuConsumerView,
  type SfuProducedView,
  type SfuQualityView,
  type SfuTransportView,
} from '@arogyam/contracts';
import { RoomRouting } from '../rooms/room-routing';
import { SfuSignaling, type SfuPausedView } from './sfu-signaling';

/** The SFU's subjects; like every room operation they run on the instance hosting the room. */
@Controller()
export class SfuHandler implements OnModuleInit {
  constructor(
    private readonly signaling: SfuSignaling,
    private readonly routing: RoomRouting,
  ) {}

  onModuleInit(): void {
    // Forwarded messages were validated by the instance that received them.
    const as =
      <M>(run: (message: M) => Promise<unknown>) =>
      (message: { appointmentId: string }) =>
        run(message as M);
    this.routing.register(
      'capabilities',
      as<VideoCallMessage>((m) => this.signaling.capabilities(m.actor, m.appointmentId)),
    );
    this.routing.register(
      'createTransport',
      as<SfuTransportMessage>((m) => this.signaling.createTransport(m)),
    );
    this.routing.register(
      'connectTransport',
      as<SfuConnectMessage>((m) => this.signaling.connectTransport(m)),
    );
    this.routing.register(
      'produce',
      as<SfuProduceMessage>((m) => this.signaling.produce(m)),
    );
    this.routing.register(
      'consume',
      as<SfuConsumeMessage>((m) => this.signaling.consume(m)),
    );
    this.routing.register(
      'pause',
      as<SfuMediaMessage>((m) => this.signaling.setPaused(m, true)),
    );
    this.routing.register(
      'resume',
      as<SfuMediaMessage>((m) => this.signaling.setPaused(m, false)),
    );
    this.routing.register(
      'quality',
      as<SfuQualityMessage>((m) => this.signaling.setQuality(m)),
    );
  }

  @MessagePattern(VideoSubjects.capabilities)
  capabilities(@Payload() message: VideoCallMessage): Promise<SfuCapabilitiesView> {
    return this.routing.route('capabilities', message);
  }

  @MessagePattern(VideoSubjects.createTransport)
  createTransport(@Payload() message: SfuTransportMessage): Promise<SfuTransportView> {
    return this.routing.route('createTransport', message);
  }

  @MessagePattern(VideoSubjects.connectTransport)
  connectTransport(@Payload() message: SfuConnectMessage): Promise<{ connected: true }> {
    return this.routing.route('connectTransport', message);
  }

  @MessagePattern(VideoSubjects.produce)
  produce(@Payload() message: SfuProduceMessage): Promise<SfuProducedView> {
    return this.routing.route('produce', message);
  }

  @MessagePattern(VideoSubjects.consume)
  consume(@Payload() message: SfuConsumeMessage): Promise<SfuConsumerView> {
    return this.routing.route('consume', message);
  }

  @MessagePattern(VideoSubjects.pause)
  pause(@Payload() message: SfuMediaMessage): Promise<SfuPausedView> {
    return this.routing.route('pause', message);
  }

  @MessagePattern(VideoSubjects.resume)
  resume(@Payload() message: SfuMediaMessage): Promise<SfuPausedView> {
    return this.routing.route('resume', message);
  }

  @MessagePattern(VideoSubjects.quality)
  quality(@Payload() message: SfuQualityMessage): Promise<SfuQualityView> {
    return this.routing.route('quality', message);
  }
}
