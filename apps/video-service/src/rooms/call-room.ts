import type { CallState, VideoCallView } from '@arogyam/contracts';

export interface Party {
  userId: string;
  fullName: string;
}

/** A join that came straight over NATS, without a gateway socket (tests, other services). */
export const NO_SOCKET = '-';

export const ACTIVE_STATES: readonly CallState[] = ['ringing', 'accepted'];

/**
 * One consultation's room on this instance: the two parties, the call state, and who is present.
 * A participant is present while at least one of their sockets that joined is connected; when the
 * last one goes during a call they are "away" and the call waits for them (the grace timer is
 * the service's; this keeps when they went).
 */
export class CallRoom {
  state: CallState = 'idle';
  /** The current call (one ring or admission), the key of its record; set when the doctor rings. */
  callId?: string;
  /** When the doctor rang. */
  ringingAt?: Date;
  /** When the patient accepted: the call's start. */
  startedAt?: Date;
  /** Since when the patient waits to be admitted: present, and no call ringing or going on. */
  waitingSince?: Date;
  /** Stops the ringing after VIDEO_RING_TIMEOUT_SECONDS (the service's timer). */
  ringTimer?: NodeJS.Timeout;
  /** The directory claim of this room: operations wait for it (another instance may hold the room). */
  claimed: Promise<void> = Promise.resolve();
  /** The directory refresh of a hosted room. */
  refresh?: NodeJS.Timeout;
  /** Present participants: user id → their sockets in the room. */
  private readonly present = new Map<string, Set<string>>();
  /** Participants whose last socket went during a call: when, and the timer that ends the call. */
  private readonly away = new Map<string, { since: Date; timer: NodeJS.Timeout }>();

  constructor(
    readonly appointmentId: string,
    readonly doctor: Party,
    readonly patient: Party,
  ) {}

  get active(): boolean {
    return ACTIVE_STATES.includes(this.state);
  }

  get empty(): boolean {
    return this.present.size === 0;
  }

  /** Whether the participant's connection dropped during the call and they have not come back yet. */
  isAway(userId: string): boolean {
    return this.away.has(userId);
  }

  isPresent(userId: string): boolean {
    return this.present.has(userId);
  }

  otherOf(userId: string): Party {
    return this.doctor.userId === userId ? this.patient : this.doctor;
  }

  /**
   * A socket of the participant joined; true if it starts a new media session in an accepted
   * call: they had been away, or this is a socket they had not joined with (a reloaded page whose
   * old socket's disconnect has not arrived yet). A socket joining again (after `rtc:rejoin`) is not.
   */
  arrive(userId: string, socketId: string): boolean {
    const newSession = this.state === 'accepted' && !this.present.get(userId)?.has(socketId);
    let sockets = this.present.get(userId);
    if (!sockets) this.present.set(userId, (sockets = new Set()));
    sockets.add(socketId);
    const away = this.away.get(userId);
    if (away) clearTimeout(away.timer);
    this.away.delete(userId);
    return newSession;
  }

  /** One socket went; true if it was the participant's last (they are no longer present). */
  socketGone(userId: string, socketId: string): boolean {
    const sockets = this.present.get(userId);
    if (!sockets?.delete(socketId) || sockets.size > 0) return false;
    this.present.delete(userId);
    return true;
  }

  /** The participant left (all their sockets); true if they had been present. */
  depart(userId: string): boolean {
    return this.present.delete(userId);
  }

  /**
   * Whether the call must wait for a participant who went: an accepted call, or the doctor's
   * ringing (a patient may leave the page while it rings and come back to answer).
   */
  waitsFor(userId: string): boolean {
    return this.state === 'accepted' || (this.state === 'ringing' && userId === this.doctor.userId);
  }

  /** The participant went at `since`; `onTimeout` runs unless they come back within `graceMs`. */
  markAway(userId: string, graceMs: number, onTimeout: (since: Date) => void): void {
    if (this.away.has(userId)) return;
    const since = new Date();
    const timer = setTimeout(() => {
      this.away.delete(userId);
      if (!this.present.has(userId)) onTimeout(since);
    }, graceMs);
    timer.unref();
    this.away.set(userId, { since, timer });
  }

  /** A new call rings: its id and time; `onTimeout` runs if it still rings after `timeoutMs`. */
  ring(callId: string, timeoutMs: number, onTimeout: () => void): void {
    this.stopRinging();
    this.state = 'ringing';
    this.callId = callId;
    this.ringingAt = new Date();
    this.startedAt = undefined;
    this.ringTimer = setTimeout(() => {
      this.ringTimer = undefined;
      if (this.state === 'ringing' && this.callId === callId) onTimeout();
    }, timeoutMs);
    this.ringTimer.unref();
  }

  stopRinging(): void {
    if (this.ringTimer) clearTimeout(this.ringTimer);
    this.ringTimer = undefined;
  }

  /** Stops the timers (the room is closing). */
  dispose(): void {
    this.stopRinging();
    if (this.refresh) clearInterval(this.refresh);
    for (const { timer } of this.away.values()) clearTimeout(timer);
    this.away.clear();
  }

  view(by: string): VideoCallView {
    return {
      appointmentId: this.appointmentId,
      ...(this.callId ? { callId: this.callId } : {}),
      state: this.state,
      caller: this.doctor,
      callee: this.patient,
      by,
      ...(this.startedAt ? { startedAt: this.startedAt.toISOString() } : {}),
    };
  }
}
