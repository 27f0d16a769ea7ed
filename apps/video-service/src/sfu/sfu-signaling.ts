import { Injectable } from '@nestjs/common';
import {
  DomainError,
  type Actor,
  type MediaTarget,
  type SfuCapabilitiesView,
  type SfuConnectMessage,
  type SfuConsumeMessage,
  type SfuConsumerView,
  type SfuMediaMessage,
  type SfuProducedView,
  type SfuProduceMessage,
  type SfuQualityMessage,
  type SfuQualityView,
  type SfuTransportMessage,
  type SfuTransportView,
} from '@arogyam/contracts';
import { AppointmentAccess } from '../rooms/appointment-access';
import { CallRooms } from '../rooms/call-rooms.service';
import type { SfuRoom } from './sfu-room';
import { SfuRooms } from './sfu-rooms';

export interface SfuPausedView {
  target: MediaTarget;
  id: string;
  paused: boolean;
}

/**
 * The SFU's signaling, each message checked like the rest (the appointment, the window) and only
 * for a participant present in the room: transports once joined; producing, consuming, pausing and
 * resuming once the call is accepted, as p2p signals.
 */
@Injectable()
export class SfuSignaling {
  constructor(
    private readonly access: AppointmentAccess,
    private readonly calls: CallRooms,
    private readonly sfu: SfuRooms,
  ) {}

  async capabilities(actor: Actor, appointmentId: string): Promise<SfuCapabilitiesView> {
    const media = await this.mediaFor(actor, appointmentId, false);
    return { routerRtpCapabilities: media.rtpCapabilities };
  }

  async createTransport(message: SfuTransportMessage): Promise<SfuTransportView> {
    const media = await this.mediaFor(message.actor, message.appointmentId, false);
    return media.createTransport(message.actor.userId, message.direction);
  }

  async connectTransport(message: SfuConnectMessage): Promise<{ connected: true }> {
    const media = await this.mediaFor(message.actor, message.appointmentId, false);
    await media.connectTransport(message.actor.userId, message.transportId, message.dtlsParameters);
    return { connected: true };
  }

  async produce(message: SfuProduceMessage): Promise<SfuProducedView> {
    const media = await this.mediaFor(message.actor, message.appointmentId, true);
    const { producerId } = await media.produce(
      message.actor.userId,
      message.transportId,
      message.kind,
      message.rtpParameters,
    );
    return { producerId };
  }

  async consume(message: SfuConsumeMessage): Promise<SfuConsumerView> {
    const media = await this.mediaFor(message.actor, message.appointmentId, true);
    return media.consume(message.actor.userId, message.producerId, message.rtpCapabilities);
  }

  async setPaused(message: SfuMediaMessage, paused: boolean): Promise<SfuPausedView> {
    const media = await this.mediaFor(message.actor, message.appointmentId, true);
    await media.setPaused(message.actor.userId, message.target, message.id, paused);
    return { target: message.target, id: message.id, paused };
  }

  async setQuality(message: SfuQualityMessage): Promise<SfuQualityView> {
    const media = await this.mediaFor(message.actor, message.appointmentId, true);
    const consumers = await media.setQuality(message.actor.userId, message.quality);
    return { quality: message.quality, consumers };
  }

  private async mediaFor(actor: Actor, appointmentId: string, accepted: boolean): Promise<SfuRoom> {
    await this.access.check(actor, appointmentId, { live: true });
    this.calls.presentIn(actor, appointmentId, { accepted });
    const media = this.sfu.get(appointmentId);
    if (!media || media.closed) {
      throw DomainError.conflict(
        'This call has no SFU media now (it is peer-to-peer, or its media server restarted): join again.',
      );
    }
    return media;
  }
}
