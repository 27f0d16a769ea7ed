import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { types as ms } from 'mediasoup';
import {
  AppointmentSubjects,
  DomainError,
  VideoEventTypes,
  isSignal,
  type Actor,
  type AppointmentView,
  type CallState,
  type IceServer,
  type VideoCallEndedPayload,
  type VideoCallStartedPayload,
  type VideoCallView,
  type VideoJoinView,
  type VideoSignalView,
  type VideoStatusView,
} from '@arogyam/contracts';
import { EventPublisher, RpcClient, createEvent } from '@arogyam/messaging';
import { VideoServiceConfig } from '../config/video-service.config';
import { CallPush } from '../realtime/call-push';
import { MediaWorkers } from '../workers/media-workers';
import { AppointmentAccess } from './appointment-access';
import { turnServer } from './ice-servers';
import { RoomDirectory } from './room-directory';

interface Party {
  userId: string;
  fullName: string;
}

/** One consultation's room on this instance. */
interface Room {
  appointmentId: string;
  doctor: Party;
  patient: Party;
  state: CallState;
  /** When the patient accepted: the call's start. */
  startedAt?: Date;
  /** Users who joined (`video.room.join`) and have not left. */
  joined: Set<string>;
  router?: ms.Router;
  /** sfu: its worker died; clients must join again (a new router). */
  needsRejoin?: boolean;
  refresh?: NodeJS.Timeout;
}

const ACTIVE: readonly CallState[] = ['ringing', 'accepted'];

/**
 * The call rooms this instance hosts, one per appointment, and the call flow: the doctor starts
 * (the patient's sockets ring), the patient accepts or declines, either ends; offers, answers and
 * ICE candidates are relayed to the other participant. Every message is checked against the
 * appointment (appointment-access.ts). In p2p mode a room is only who joined and the call state;
 * in sfu mode it also holds the consultation's mediasoup router.
 */
@Injectable()
export class CallRooms implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(CallRooms.name);
  private readonly rooms = new Map<string, Room>();

  constructor(
    private readonly access: AppointmentAccess,
    private readonly directory: RoomDirectory,
    private readonly workers: MediaWorkers,
    private readonly push: CallPush,
    private readonly events: EventPublisher,
    private readonly rpc: RpcClient,
    private readonly config: VideoServiceConfig,
  ) {}

  onModuleInit(): void {
    this.workers.onWorkerDied(() => {
      for (const room of this.rooms.values()) {
        if (room.router?.closed) {
          room.router = undefined;
          room.needsRejoin = true;
        }
      }
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.rooms.values()].map((room) => this.close(room)));
  }

  status(): VideoStatusView {
    return {
      instance: this.directory.instance,
      mode: this.workers.mode,
      workers: this.workers.count,
      rooms: this.rooms.size,
      ...(this.workers.unavailableReason ? { reason: this.workers.unavailableReason } : {}),
    };
  }

  /** The doctor rings the patient; the appointment moves to in_consultation. */
  async start(actor: Actor, appointmentId: string): Promise<VideoCallView> {
    const appointment = await this.access.check(actor, appointmentId, { live: true });
    if (actor.role !== 'doctor') throw DomainError.forbidden('Only the doctor starts the video call.');
    const room = await this.roomOf(appointment);
    if (room.state === 'accepted') throw DomainError.conflict('The call is already in progress.');
    room.state = 'ringing';
    room.startedAt = undefined;
    const view = this.view(room, actor.userId);
    this.push.to(room.patient.userId, 'call:ringing', view);
    await this.moveToConsultation(actor, appointment);
    return view;
  }

  async accept(actor: Actor, appointmentId: string): Promise<VideoCallView> {
    await this.access.check(actor, appointmentId, { live: true });
    if (actor.role !== 'patient') throw DomainError.forbidden('Only the patient answers the call.');
    const room = this.rooms.get(appointmentId);
    if (!room || room.state !== 'ringing') throw DomainError.conflict('There is no ringing call to accept.');
    room.state = 'accepted';
    room.startedAt = new Date();
    const view = this.view(room, actor.userId);
    this.push.to(room.doctor.userId, 'call:accepted', view);
    const started: VideoCallStartedPayload = {
      appointmentId,
      doctorId: room.doctor.userId,
      patientId: room.patient.userId,
      mode: this.workers.mode,
      startedAt: room.startedAt.toISOString(),
    };
    await this.publish(createEvent(VideoEventTypes.callStarted, started));
    return view;
  }

  async decline(actor: Actor, appointmentId: string): Promise<VideoCallView> {
    await this.access.check(actor, appointmentId, { live: false });
    if (actor.role !== 'patient') throw DomainError.forbidden('Only the patient declines the call.');
    const room = this.rooms.get(appointmentId);
    if (!room || room.state !== 'ringing') throw DomainError.conflict('There is no ringing call to decline.');
    room.state = 'declined';
    const view = this.view(room, actor.userId);
    this.push.to(room.doctor.userId, 'call:declined', view);
    await this.close(room);
    return view;
  }

  /** Either side hangs up (the doctor may also cancel a ringing call). The room closes. */
  async end(actor: Actor, appointmentId: string): Promise<VideoCallView> {
    await this.access.check(actor, appointmentId, { live: false });
    const room = this.rooms.get(appointmentId);
    if (!room || !ACTIVE.includes(room.state))
      throw DomainError.conflict('There is no call in progress to end.');
    const endedAt = new Date();
    const startedAt = room.startedAt;
    room.state = 'ended';
    const durationSeconds = startedAt
      ? Math.max(0, Math.round((endedAt.getTime() - startedAt.getTime()) / 1000))
      : 0;
    const view: VideoCallView = {
      ...this.view(room, actor.userId),
      endedAt: endedAt.toISOString(),
      durationSeconds,
    };
    this.push.to(this.otherOf(room, actor.userId).userId, 'call:ended', view);
    await this.close(room);
    if (startedAt) {
      const ended: VideoCallEndedPayload = {
        appointmentId,
        doctorId: room.doctor.userId,
        patientId: room.patient.userId,
        mode: this.workers.mode,
        startedAt: startedAt.toISOString(),
        endedAt: endedAt.toISOString(),
        durationSeconds,
        endedBy: actor.userId,
      };
      await this.publish(createEvent(VideoEventTypes.callEnded, ended));
      await this.rpc
        .send(AppointmentSubjects.recordCall, {
          appointmentId,
          startedAt: ended.startedAt,
          endedAt: ended.endedAt,
          durationSeconds,
        })
        .catch((error: Error) =>
          this.logger.error(`Could not record the call of ${appointmentId}: ${error.message}`),
        );
    }
    return view;
  }

  /** Enters the room: the answer says how to connect (mode, ICE servers) and who the peer is. */
  async join(actor: Actor, appointmentId: string): Promise<VideoJoinView> {
    const appointment = await this.access.check(actor, appointmentId, { live: true });
    const room = await this.roomOf(appointment);
    room.joined.add(actor.userId);
    if (this.workers.mode === 'sfu' && !room.router) {
      room.router = await this.workers.createRouter();
      room.needsRejoin = false;
    }
    const peer = this.otherOf(room, actor.userId);
    return {
      appointmentId,
      mode: this.workers.mode,
      iceServers: this.iceServersFor(actor.userId),
      role: actor.role,
      state: room.state,
      peer: {
        userId: peer.userId,
        role: peer === room.doctor ? 'doctor' : 'patient',
        fullName: peer.fullName,
        joined: room.joined.has(peer.userId),
      },
      ...(room.router ? { routerRtpCapabilities: room.router.rtpCapabilities } : {}),
    };
  }

  /** Leaves the room; an empty room without a call closes (and leaves the directory). */
  async leave(actor: Actor, appointmentId: string): Promise<{ appointmentId: string; left: boolean }> {
    await this.access.check(actor, appointmentId, { live: false });
    const room = this.rooms.get(appointmentId);
    const left = room?.joined.delete(actor.userId) ?? false;
    if (room && room.joined.size === 0 && !ACTIVE.includes(room.state)) await this.close(room);
    return { appointmentId, left };
  }

  /** Passes an offer, answer or ICE candidate to the other participant of an accepted call. */
  async relay(actor: Actor, appointmentId: string, signal: unknown): Promise<{ relayed: true }> {
    if (!isSignal(signal)) {
      throw DomainError.badRequest('The signal needs a type of offer, answer or ice.', [
        { field: 'signal.type', problem: 'must be one of offer, answer, ice' },
      ]);
    }
    await this.access.check(actor, appointmentId, { live: true });
    const room = this.rooms.get(appointmentId);
    if (!room || room.state !== 'accepted') {
      throw DomainError.conflict('Signals flow only once the call is accepted.');
    }
    const data: VideoSignalView = { appointmentId, from: actor.userId, signal };
    this.push.to(this.otherOf(room, actor.userId).userId, 'rtc:signal', data);
    return { relayed: true };
  }

  /** VIDEO_ICE_SERVERS, plus TURN with this user's time-limited credentials when configured. */
  private iceServersFor(userId: string): IceServer[] {
    const turn = this.config.turn();
    return [...this.config.iceServers(), ...(turn ? [turnServer(turn, userId)] : [])];
  }

  private async roomOf(appointment: AppointmentView): Promise<Room> {
    let room = this.rooms.get(appointment.id);
    if (room && room.state !== 'ended' && room.state !== 'declined') return room;
    room = {
      appointmentId: appointment.id,
      doctor: { userId: appointment.doctorId, fullName: appointment.doctor.fullName },
      patient: { userId: appointment.patientId, fullName: appointment.patient.fullName },
      state: 'idle',
      joined: new Set(),
    };
    this.rooms.set(appointment.id, room);
    await this.directory.claim(appointment.id);
    const live = room;
    live.refresh = setInterval(() => {
      this.directory
        .claim(live.appointmentId)
        .catch((error: Error) => this.logger.warn(`Room ${live.appointmentId} refresh: ${error.message}`));
    }, this.directory.refreshMs);
    live.refresh.unref();
    return room;
  }

  private async close(room: Room): Promise<void> {
    if (this.rooms.get(room.appointmentId) === room) this.rooms.delete(room.appointmentId);
    if (room.refresh) clearInterval(room.refresh);
    room.router?.close();
    room.router = undefined;
    await this.directory.release(room.appointmentId);
  }

  private otherOf(room: Room, userId: string): Party {
    return room.doctor.userId === userId ? room.patient : room.doctor;
  }

  private view(room: Room, by: string): VideoCallView {
    return {
      appointmentId: room.appointmentId,
      state: room.state,
      caller: room.doctor,
      callee: room.patient,
      by,
      ...(room.startedAt ? { startedAt: room.startedAt.toISOString() } : {}),
    };
  }

  /** booked → checked_in → in_consultation as the doctor; "already there" (409) is fine. */
  private async moveToConsultation(actor: Actor, appointment: AppointmentView): Promise<void> {
    const steps = appointment.status === 'booked' ? ['checked_in', 'in_consultation'] : ['in_consultation'];
    if (appointment.status === 'in_consultation') return;
    for (const status of steps) {
      try {
        await this.rpc.send(AppointmentSubjects.setStatus, {
          actor: { userId: actor.userId, role: actor.role },
          body: { appointmentId: appointment.id, status },
        });
      } catch (error) {
        this.logger.warn(`Could not move ${appointment.id} to ${status}: ${(error as Error).message}`);
        return;
      }
    }
  }

  private async publish(event: Parameters<EventPublisher['publish']>[0]): Promise<void> {
    await this.events
      .publish(event)
      .catch((error: Error) => this.logger.error(`Could not publish ${event.type}: ${error.message}`));
  }
}
