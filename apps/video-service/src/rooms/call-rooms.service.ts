import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import {
  AppointmentSubjects,
  DomainError,
  VideoEventTypes,
  isSignal,
  type Actor,
  type AppointmentView,
  type IceServer,
  type CallOutcome,
  type VideoCallEndedPayload,
  type VideoCallStartedPayload,
  type VideoCallUnansweredPayload,
  type VideoCallView,
  type VideoJoinView,
  type VideoPeerPresenceView,
  type VideoRejoinView,
  type VideoSignalView,
  type VideoStatusView,
  type VideoWaitingChangedPayload,
  type VideoWaitingView,
  type VideoWindowView,
} from '@arogyam/contracts';
import { RpcClient, createEvent } from '@arogyam/messaging';
import { VideoServiceConfig } from '../config/video-service.config';
import { CallPush } from '../realtime/call-push';
import { SfuRooms } from '../sfu/sfu-rooms';
import type { SfuRoom } from '../sfu/sfu-room';
import { MediaWorkers } from '../workers/media-workers';
import { AppointmentAccess } from './appointment-access';
import { CallEvents } from './call-events';
import { CallRoom, NO_SOCKET } from './call-room';
import { turnServer } from './ice-servers';
import { RoomDirectory, RoomHostedElsewhere } from './room-directory';

export interface LeaveView {
  appointmentId: string;
  left: boolean;
}

/**
 * The call rooms this instance hosts, one per appointment, and the call flow: the doctor starts
 * (the patient's sockets ring), the patient accepts or declines, either ends; offers, answers and
 * ICE candidates are relayed to the other participant. Every message is checked against the
 * appointment (appointment-access.ts). A patient present while no call rings or goes on is in the
 * waiting room: the doctor hears of it (`call:waiting`, and `evt.video.waiting_changed` for the
 * queue) and admits them by ringing, which the waiting page answers. A ring nobody answers in
 * VIDEO_RING_TIMEOUT_SECONDS is missed. Every call ends in one event that appointment-service
 * keeps as the call's record (ended, missed or declined). In p2p mode a room is who is present and the call state; in
 * sfu mode it also has the consultation's router (SfuRooms). A participant whose last socket
 * goes during a call has VIDEO_REJOIN_GRACE_SECONDS to come back before the call ends.
 */
@Injectable()
export class CallRooms implements OnApplicationShutdown {
  private readonly logger = new Logger(CallRooms.name);
  private readonly rooms = new Map<string, CallRoom>();

  constructor(
    private readonly access: AppointmentAccess,
    private readonly directory: RoomDirectory,
    private readonly workers: MediaWorkers,
    private readonly sfu: SfuRooms,
    private readonly push: CallPush,
    private readonly events: CallEvents,
    private readonly rpc: RpcClient,
    private readonly config: VideoServiceConfig,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.rooms.values()].map((room) => this.close(room)));
  }

  status(): VideoStatusView {
    return {
      instance: this.directory.instance,
      mode: this.workers.mode,
      workers: this.workers.count,
      rooms: this.rooms.size,
      ...(this.workers.mode === 'sfu' ? { routers: this.sfu.size } : {}),
      ...(this.workers.unavailableReason ? { reason: this.workers.unavailableReason } : {}),
    };
  }

  window(): VideoWindowView {
    return {
      joinEarlyMinutes: this.config.VIDEO_JOIN_EARLY_MINUTES,
      joinLateMinutes: this.config.VIDEO_JOIN_LATE_MINUTES,
      ringTimeoutSeconds: this.config.VIDEO_RING_TIMEOUT_SECONDS,
    };
  }

  /**
   * The doctor rings the patient (or admits them from the waiting room, whose page answers); the
   * appointment moves to in_consultation. Ringing again restarts the ring as a new call.
   */
  async start(actor: Actor, appointmentId: string): Promise<VideoCallView> {
    const appointment = await this.access.check(actor, appointmentId, { live: true });
    if (actor.role !== 'doctor') throw DomainError.forbidden('Only the doctor starts the video call.');
    const room = await this.roomOf(appointment);
    if (room.state === 'accepted') throw DomainError.conflict('The call is already in progress.');
    room.ring(randomUUID(), this.config.VIDEO_RING_TIMEOUT_SECONDS * 1000, () => {
      void this.missed(room).catch((error: Error) =>
        this.logger.error(`Ending the unanswered call ${room.appointmentId}: ${error.message}`),
      );
    });
    const view = room.view(actor.userId);
    this.push.to(room.patient.userId, 'call:ringing', view);
    await this.moveToConsultation(actor, appointment);
    return view;
  }

  async accept(actor: Actor, appointmentId: string): Promise<VideoCallView> {
    await this.access.check(actor, appointmentId, { live: true });
    if (actor.role !== 'patient') throw DomainError.forbidden('Only the patient answers the call.');
    const room = this.rooms.get(appointmentId);
    if (!room || room.state !== 'ringing') throw DomainError.conflict('There is no ringing call to accept.');
    room.stopRinging();
    room.state = 'accepted';
    room.startedAt = new Date();
    const view = room.view(actor.userId);
    this.push.to(room.doctor.userId, 'call:accepted', view);
    await this.setWaiting(room, undefined);
    const started: VideoCallStartedPayload = {
      callId: room.callId ?? randomUUID(),
      appointmentId,
      doctorId: room.doctor.userId,
      patientId: room.patient.userId,
      mode: this.workers.mode,
      startedAt: room.startedAt.toISOString(),
    };
    await this.events.publish(createEvent(VideoEventTypes.callStarted, started));
    return view;
  }

  async decline(actor: Actor, appointmentId: string): Promise<VideoCallView> {
    await this.access.check(actor, appointmentId, { live: false });
    if (actor.role !== 'patient') throw DomainError.forbidden('Only the patient declines the call.');
    const room = this.rooms.get(appointmentId);
    if (!room || room.state !== 'ringing') throw DomainError.conflict('There is no ringing call to decline.');
    room.stopRinging();
    room.state = 'declined';
    const view = room.view(actor.userId);
    this.push.to(room.doctor.userId, 'call:declined', view);
    await this.events.publish(createEvent(VideoEventTypes.callDeclined, this.unanswered(room)));
    await this.close(room);
    return view;
  }

  /**
   * Nobody answered in VIDEO_RING_TIMEOUT_SECONDS: the ringing stops on both sides (`call:missed`),
   * the call is recorded as missed, and the room goes back to idle: the patient may still join
   * (and wait to be admitted) while the window is open.
   */
  private async missed(room: CallRoom): Promise<void> {
    if (this.rooms.get(room.appointmentId) !== room || room.state !== 'ringing') return;
    const missed = this.unanswered(room);
    const view: VideoCallView = { ...room.view(room.doctor.userId), state: 'missed' };
    room.state = 'idle';
    room.callId = undefined;
    for (const userId of [room.doctor.userId, room.patient.userId]) this.push.to(userId, 'call:missed', view);
    await this.events.publish(createEvent(VideoEventTypes.callMissed, missed));
    if (room.isPresent(room.patient.userId)) await this.setWaiting(room, new Date());
    else if (room.empty) await this.close(room);
  }

  /** The facts of a call that never connected (missed or declined), ending now. */
  private unanswered(room: CallRoom): VideoCallUnansweredPayload {
    return {
      callId: room.callId ?? randomUUID(),
      appointmentId: room.appointmentId,
      doctorId: room.doctor.userId,
      patientId: room.patient.userId,
      ringingAt: (room.ringingAt ?? new Date()).toISOString(),
      endedAt: new Date().toISOString(),
    };
  }

  /**
   * The patient entered the waiting room (`since`) or is no longer in it: the doctor's pages hear
   * at once (`call:waiting`), the queue through `evt.video.waiting_changed`. Only changes count.
   */
  private async setWaiting(room: CallRoom, since: Date | undefined): Promise<void> {
    if (Boolean(room.waitingSince) === Boolean(since)) return;
    room.waitingSince = since;
    const { appointmentId } = room;
    const view: VideoWaitingView = {
      appointmentId,
      patient: room.patient,
      waiting: Boolean(since),
      ...(since ? { since: since.toISOString() } : {}),
    };
    this.push.to(room.doctor.userId, 'call:waiting', view);
    const changed: VideoWaitingChangedPayload = {
      appointmentId,
      doctorId: room.doctor.userId,
      patientId: room.patient.userId,
      waiting: view.waiting,
      ...(view.since ? { since: view.since } : {}),
    };
    await this.events.publish(createEvent(VideoEventTypes.waitingChanged, changed));
  }

  /** Either side hangs up (the doctor may also cancel a ringing call). The room closes. */
  async end(actor: Actor, appointmentId: string): Promise<VideoCallView> {
    await this.access.check(actor, appointmentId, { live: false });
    const room = this.rooms.get(appointmentId);
    if (!room?.active) throw DomainError.conflict('There is no call in progress to end.');
    return this.finish(room, actor.userId, new Date(), [room.otherOf(actor.userId).userId], 'completed');
  }

  /**
   * Enters the room: the answer says how to connect (mode, ICE servers, in sfu mode the router's
   * capabilities and the other side's producers) and who the peer is. Joining again, also while
   * the call is accepted (a reload), starts a new media session for this participant; in p2p mode
   * the other side is then asked to rejoin too, as their peer connection led to the old page.
   */
  async join(actor: Actor, appointmentId: string, socketId = NO_SOCKET): Promise<VideoJoinView> {
    const appointment = await this.access.check(actor, appointmentId, { live: true });
    const room = await this.roomOf(appointment);
    const wasAway = room.isAway(actor.userId);
    const newSession = room.arrive(actor.userId, socketId);
    const media = await this.mediaOf(room);
    media?.startSession(actor.userId);
    const peer = room.otherOf(actor.userId);
    if (wasAway) this.tellPresence(room, actor.userId, true);
    if (actor.role === 'patient' && room.state === 'idle' && !room.waitingSince) {
      await this.setWaiting(room, new Date());
    }
    if (!media && newSession && room.isPresent(peer.userId)) {
      const rejoin: VideoRejoinView = { appointmentId, reason: 'peer_returned' };
      this.push.to(peer.userId, 'rtc:rejoin', rejoin);
    }
    return {
      appointmentId,
      mode: media ? 'sfu' : 'p2p',
      iceServers: this.iceServersFor(actor.userId),
      role: actor.role,
      state: room.state,
      peer: {
        userId: peer.userId,
        role: peer === room.doctor ? 'doctor' : 'patient',
        fullName: peer.fullName,
        joined: room.isPresent(peer.userId),
      },
      ...(media
        ? { routerRtpCapabilities: media.rtpCapabilities, producers: media.producersFor(actor.userId) }
        : {}),
    };
  }

  /** Leaves the room (every socket of the participant); see `depart`. */
  async leave(actor: Actor, appointmentId: string): Promise<LeaveView> {
    await this.access.check(actor, appointmentId, { live: false });
    const room = this.rooms.get(appointmentId);
    const left = room?.depart(actor.userId) ?? false;
    if (room && left) await this.departed(room, actor.userId);
    return { appointmentId, left };
  }

  /**
   * One of the participant's sockets is gone (the gateway saw it disconnect). No appointment
   * check: the gateway sends it for a socket that joined, with that socket's user, and it only
   * ever removes presence. With their last socket the participant has left.
   */
  async socketGone(actor: Actor, appointmentId: string, socketId: string): Promise<LeaveView> {
    const room = this.rooms.get(appointmentId);
    const left = room?.socketGone(actor.userId, socketId) ?? false;
    if (room && left) await this.departed(room, actor.userId);
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
    this.push.to(room.otherOf(actor.userId).userId, 'rtc:signal', data);
    return { relayed: true };
  }

  /**
   * For the SFU's signaling: the caller is present in this room and (for media) the call is
   * accepted, as signals flow only then in p2p mode too.
   */
  presentIn(actor: Actor, appointmentId: string, needs: { accepted: boolean }): void {
    const room = this.rooms.get(appointmentId);
    if (!room?.isPresent(actor.userId)) throw DomainError.conflict('Join the call first (rtc:join).');
    if (needs.accepted && room.state !== 'accepted') {
      throw DomainError.conflict('Media flows only once the call is accepted.');
    }
  }

  /** The other participant hears that `userId`'s connection dropped or came back (`rtc:peer`). */
  private tellPresence(room: CallRoom, userId: string, present: boolean): void {
    const view: VideoPeerPresenceView = { appointmentId: room.appointmentId, userId, present };
    this.push.to(room.otherOf(userId).userId, 'rtc:peer', view);
  }

  /** After a participant left: an empty room without a call closes; a call waits for them. */
  private async departed(room: CallRoom, userId: string): Promise<void> {
    this.sfu.removePeer(room.appointmentId, userId);
    if (userId === room.patient.userId) await this.setWaiting(room, undefined);
    if (room.waitsFor(userId)) {
      if (room.state === 'accepted') this.tellPresence(room, userId, false);
      room.markAway(userId, this.config.VIDEO_REJOIN_GRACE_SECONDS * 1000, (since) => {
        void this.abandoned(room, userId, since).catch((error: Error) =>
          this.logger.error(`Ending the abandoned call ${room.appointmentId}: ${error.message}`),
        );
      });
    } else if (room.empty && !room.active) {
      await this.close(room);
    }
  }

  /** The participant did not come back in time: the call ends as if they had hung up when they went. */
  private async abandoned(room: CallRoom, userId: string, since: Date): Promise<void> {
    if (this.rooms.get(room.appointmentId) !== room || !room.active) return;
    this.logger.log(`Call ${room.appointmentId}: ${userId} did not come back; ending it`);
    const endedAt = room.startedAt && room.startedAt > since ? room.startedAt : since;
    await this.finish(room, userId, endedAt, [room.doctor.userId, room.patient.userId], 'dropped');
  }

  /**
   * Ends the call: `tell` hears `call:ended`, and the call's event (its record on the appointment)
   * goes out: `call_ended` with the duration (accept → end) for an answered call; for a ring
   * ended before it was answered, `call_missed` when the doctor ended it, `call_declined` when the
   * patient did.
   */
  private async finish(
    room: CallRoom,
    by: string,
    endedAt: Date,
    tell: string[],
    outcome: Extract<CallOutcome, 'completed' | 'dropped'>,
  ): Promise<VideoCallView> {
    const { appointmentId, startedAt } = room;
    const unanswered = room.state === 'ringing' ? this.unanswered(room) : undefined;
    room.stopRinging();
    room.state = 'ended';
    const durationSeconds = startedAt
      ? Math.max(0, Math.round((endedAt.getTime() - startedAt.getTime()) / 1000))
      : 0;
    const view: VideoCallView = { ...room.view(by), endedAt: endedAt.toISOString(), durationSeconds };
    for (const userId of tell) this.push.to(userId, 'call:ended', view);
    await this.close(room);
    if (unanswered) {
      const type = by === room.patient.userId ? VideoEventTypes.callDeclined : VideoEventTypes.callMissed;
      await this.events.publish(createEvent(type, unanswered));
    }
    if (!startedAt) return view;
    const ended: VideoCallEndedPayload = {
      callId: room.callId ?? randomUUID(),
      ringingAt: (room.ringingAt ?? startedAt).toISOString(),
      outcome,
      joined: ['doctor', 'patient'],
      appointmentId,
      doctorId: room.doctor.userId,
      patientId: room.patient.userId,
      mode: this.workers.mode,
      startedAt: startedAt.toISOString(),
      endedAt: endedAt.toISOString(),
      durationSeconds,
      endedBy: by,
    };
    await this.events.publish(createEvent(VideoEventTypes.callEnded, ended));
    return view;
  }

  /**
   * sfu mode: the room's router (made on the first join). If none can be made (the workers are
   * full or gone) the room answers p2p, the fallback the issue asks for.
   */
  private async mediaOf(room: CallRoom): Promise<SfuRoom | undefined> {
    if (this.workers.mode !== 'sfu') return undefined;
    try {
      return await this.sfu.open(room.appointmentId, [room.doctor.userId, room.patient.userId]);
    } catch (error) {
      this.logger.warn(`Room ${room.appointmentId}: no router (${(error as Error).message}); peer-to-peer`);
      return undefined;
    }
  }

  /** VIDEO_ICE_SERVERS, plus TURN with this user's time-limited credentials when configured. */
  private iceServersFor(userId: string): IceServer[] {
    const turn = this.config.turn();
    return [...this.config.iceServers(), ...(turn ? [turnServer(turn, userId)] : [])];
  }

  /**
   * The consultation's room here, claimed in the directory. Throws RoomHostedElsewhere when
   * another instance won the claim (RoomRouting then forwards there).
   */
  private async roomOf(appointment: AppointmentView): Promise<CallRoom> {
    const current = this.rooms.get(appointment.id);
    if (current && current.state !== 'ended' && current.state !== 'declined') {
      await current.claimed;
      return current;
    }
    const room = new CallRoom(
      appointment.id,
      { userId: appointment.doctorId, fullName: appointment.doctor.fullName },
      { userId: appointment.patientId, fullName: appointment.patient.fullName },
    );
    this.rooms.set(appointment.id, room);
    room.claimed = this.claim(room);
    await room.claimed;
    return room;
  }

  private async claim(room: CallRoom): Promise<void> {
    const { appointmentId } = room;
    let owner: string;
    try {
      owner = await this.directory.claim(appointmentId);
    } catch (error) {
      this.forget(room);
      throw error;
    }
    if (owner !== this.directory.instance) {
      this.forget(room);
      throw new RoomHostedElsewhere(appointmentId, owner);
    }
    room.refresh = setInterval(() => {
      this.directory
        .keepAlive(appointmentId)
        .then((held) => {
          if (held) return;
          this.logger.error(`Room ${appointmentId} was claimed by another instance; dropping it here`);
          this.forget(room);
        })
        .catch((error: Error) => this.logger.warn(`Room ${appointmentId} refresh: ${error.message}`));
    }, this.directory.refreshMs);
    room.refresh.unref();
  }

  /** Drops the room from this instance without touching the directory (it is not, or no longer, ours). */
  private forget(room: CallRoom): void {
    room.dispose();
    if (this.rooms.get(room.appointmentId) !== room) return;
    this.rooms.delete(room.appointmentId);
    this.sfu.close(room.appointmentId);
  }

  private async close(room: CallRoom): Promise<void> {
    await this.setWaiting(room, undefined);
    this.forget(room);
    await this.directory.release(room.appointmentId);
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
}
