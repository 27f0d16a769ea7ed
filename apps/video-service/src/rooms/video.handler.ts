import { Controller, type OnModuleInit } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  VideoCallMessage,
  VideoSignalMessage,
  VideoSocketGoneMessage,
  VideoSubjects,
  type VideoCallView,
  type VideoJoinView,
  type VideoStatusView,
  type VideoWindowView,
} from '@arogyam/contracts';
import { CallRooms, type LeaveView } from './call-rooms.service';
import { RoomRouting } from './room-routing';

/** video-service's subjects; room operations run on the instance hosting the room (room-routing.ts). */
@Controller()
export class VideoHandler implements OnModuleInit {
  constructor(
    private readonly rooms: CallRooms,
    private readonly routing: RoomRouting,
  ) {}

  onModuleInit(): void {
    const call = (run: (m: VideoCallMessage) => Promise<unknown>) => (m: { appointmentId: string }) =>
      run(m as VideoCallMessage);
    this.routing.register(
      'start',
      call((m) => this.rooms.start(m.actor, m.appointmentId)),
    );
    this.routing.register(
      'accept',
      call((m) => this.rooms.accept(m.actor, m.appointmentId)),
    );
    this.routing.register(
      'decline',
      call((m) => this.rooms.decline(m.actor, m.appointmentId)),
    );
    this.routing.register(
      'end',
      call((m) => this.rooms.end(m.actor, m.appointmentId)),
    );
    this.routing.register(
      'join',
      call((m) => this.rooms.join(m.actor, m.appointmentId, m.socketId)),
    );
    this.routing.register(
      'leave',
      call((m) => this.rooms.leave(m.actor, m.appointmentId)),
    );
    this.routing.register('disconnect', (m) => {
      const message = m as VideoSocketGoneMessage;
      return this.rooms.socketGone(message.actor, message.appointmentId, message.socketId);
    });
    this.routing.register('relay', (m) => {
      const message = m as VideoSignalMessage;
      return this.rooms.relay(message.actor, message.appointmentId, message.signal);
    });
  }

  @MessagePattern(VideoSubjects.start)
  start(@Payload() message: VideoCallMessage): Promise<VideoCallView> {
    return this.routing.route('start', message);
  }

  @MessagePattern(VideoSubjects.accept)
  accept(@Payload() message: VideoCallMessage): Promise<VideoCallView> {
    return this.routing.route('accept', message);
  }

  @MessagePattern(VideoSubjects.decline)
  decline(@Payload() message: VideoCallMessage): Promise<VideoCallView> {
    return this.routing.route('decline', message);
  }

  @MessagePattern(VideoSubjects.end)
  end(@Payload() message: VideoCallMessage): Promise<VideoCallView> {
    return this.routing.route('end', message);
  }

  @MessagePattern(VideoSubjects.join)
  join(@Payload() message: VideoCallMessage): Promise<VideoJoinView> {
    return this.routing.route('join', message);
  }

  @MessagePattern(VideoSubjects.leave)
  leave(@Payload() message: VideoCallMessage): Promise<LeaveView> {
    return this.routing.route('leave', message);
  }

  /** From the gateway: a socket that joined the room disconnected. */
  @MessagePattern(VideoSubjects.disconnect)
  disconnect(@Payload() message: VideoSocketGoneMessage): Promise<LeaveView> {
    return this.routing.route('disconnect', message);
  }

  @MessagePattern(VideoSubjects.relay)
  relay(@Payload() message: VideoSignalMessage): Promise<{ relayed: true }> {
    return this.routing.route('relay', message);
  }

  /** When calls may be joined and how long a ring lasts: the same on every instance. */
  @MessagePattern(VideoSubjects.window)
  window(): VideoWindowView {
    return this.rooms.window();
  }

  /** This instance's media mode; the health answer carries it too (check `media`). */
  @MessagePattern(VideoSubjects.status)
  status(): VideoStatusView {
    return this.rooms.status();
  }
}
