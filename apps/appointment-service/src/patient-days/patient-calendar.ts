import { Injectable, Logger } from '@nestjs/common';
import { DomainError } from '@arogyam/contracts';
import { failureSummary } from '@arogyam/messaging';
import { AppointmentRepository } from '../appointments/appointment.repository';
import { daysOf, isHoldOf, isInFlight, overlaps, stillHolds, type PatientTime } from './day-holds';
import type { PatientHold } from './patient-day.schema';
import { PatientDayRepository } from './patient-day.repository';

export const PATIENT_BUSY = 'You already have an appointment at that time.';

/** Compare-and-set rounds lost in a row before giving up: each loss is another write that went through. */
const WRITE_ATTEMPTS = 10;

/** The holds one `hold` call wrote: the `heldAt` of each, by day. */
export interface WrittenHolds {
  time: PatientTime;
  heldAt: Map<string, Date>;
}

/**
 * Keeps a patient from holding two overlapping appointments. Each UTC day of a patient is one
 * document (patient-day.schema.ts) listing the times held on it; an appointment's time is held on
 * every day it touches, so two overlapping times always meet on one document, and each document
 * is written by compare-and-set on its version: of two overlapping bookings racing for a day,
 * one writes first and the other, reading again, sees its hold. Exact on MongoDB and on FerretDB
 * (updates are atomic per document on both), without a transaction or 48 unique indexes.
 *
 * A hold is written before its appointment's write, given back if that write fails, and released
 * once the appointment moves away or ends; a crash in between leaves a hold no appointment needs.
 * Such a hold goes stale: it counts only while its appointment exists, is active and has that
 * time, or while it is younger than IN_FLIGHT_MS; a stale hold found overlapping a new one is
 * dropped in the same write.
 */
@Injectable()
export class PatientCalendar {
  private readonly logger = new Logger(PatientCalendar.name);

  constructor(
    private readonly days: PatientDayRepository,
    private readonly appointments: AppointmentRepository,
  ) {}

  /**
   * Holds the time on each of its days, or refuses (409) when a live hold of another appointment
   * overlaps it; what this call held before a refusal is given back. The appointment's own holds
   * (a reschedule's old time, a concurrent change's) do not count and stay. Answers the holds it
   * wrote, for `giveBack`.
   */
  async hold(time: PatientTime): Promise<WrittenHolds> {
    const written: WrittenHolds = { time, heldAt: new Map() };
    try {
      for (const day of daysOf(time)) written.heldAt.set(day, await this.holdOn(day, time));
    } catch (error) {
      await this.giveBack(written);
      throw error;
    }
    return written;
  }

  /** Removes exactly the holds `hold` wrote, when the write they were for did not happen. Never rejects. */
  async giveBack(written: WrittenHolds): Promise<void> {
    for (const [day, heldAt] of written.heldAt) {
      await this.removeOn(day, written.time, (hold) => hold.heldAt.getTime() === heldAt.getTime());
    }
  }

  /**
   * Removes the appointment's holds of `time`, after it moved away or ended. Never rejects: a
   * hold left behind goes stale (see above), so the answer does not wait on this succeeding.
   */
  async release(time: PatientTime): Promise<void> {
    for (const day of daysOf(time)) await this.removeOn(day, time, () => true);
  }

  /** One day's compare-and-set; answers the `heldAt` of the hold it wrote. */
  private async holdOn(day: string, time: PatientTime): Promise<Date> {
    for (let attempt = 1; attempt <= WRITE_ATTEMPTS; attempt++) {
      const stored = await this.days.find(time.patientId, day);
      const now = new Date();
      const kept: PatientHold[] = [];
      for (const hold of stored?.holds ?? []) {
        if (hold.appointmentId === time.appointmentId || !overlaps(hold, time)) kept.push(hold);
        else if (await this.isLive(hold, now)) throw DomainError.conflict(PATIENT_BUSY, 'patient_busy');
        // else: stale, dropped by this write
      }
      const mine: PatientHold = {
        appointmentId: time.appointmentId,
        startAt: time.startAt,
        endAt: time.endAt,
        heldAt: distinctHeldAt(kept, time, now),
      };
      if (await this.days.writeHolds(time.patientId, day, stored?.version, [...kept, mine])) {
        return mine.heldAt;
      }
      await pause(attempt);
    }
    throw DomainError.conflict(
      'Your appointments are being changed at this moment; please try again.',
      'changed_concurrently',
    );
  }

  private async isLive(hold: PatientHold, now: Date): Promise<boolean> {
    return isInFlight(hold, now) || stillHolds(await this.appointments.timeOf(hold.appointmentId), hold);
  }

  /** Removes the appointment's holds of `time` on `day` that `which` picks. Never rejects. */
  private async removeOn(
    day: string,
    time: PatientTime,
    which: (hold: PatientHold) => boolean,
  ): Promise<void> {
    const removed = (hold: PatientHold): boolean => isHoldOf(hold, time) && which(hold);
    try {
      for (let attempt = 1; attempt <= WRITE_ATTEMPTS; attempt++) {
        const stored = await this.days.find(time.patientId, day);
        if (!stored?.holds.some(removed)) return;
        const holds = stored.holds.filter((hold) => !removed(hold));
        if (await this.days.writeHolds(time.patientId, day, stored.version, holds)) return;
        await pause(attempt);
      }
      throw new Error(`lost ${WRITE_ATTEMPTS} writes in a row`);
    } catch (error) {
      this.logger.warn(
        `A hold of appointment ${time.appointmentId} on ${day} stays until it goes stale: ${failureSummary(error)}`,
      );
    }
  }
}

/**
 * `now`, or just after the latest hold of the same appointment and time: two changes of one
 * appointment racing to one time each write their own hold, and each gives back only its own.
 */
function distinctHeldAt(kept: PatientHold[], time: PatientTime, now: Date): Date {
  const latest = Math.max(
    now.getTime() - 1,
    ...kept.filter((hold) => isHoldOf(hold, time)).map((hold) => hold.heldAt.getTime()),
  );
  return new Date(latest + 1);
}

/** A short random wait before reading a day again, so racing writers spread out. */
const pause = (attempt: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * 3 * attempt));
