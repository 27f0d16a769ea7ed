import type { AppointmentStatus, CareAccess } from '@arogyam/contracts';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/**
 * A booked visit opens the care relationship this long before its start and keeps it this long
 * after its end if nobody marks it: "the day of the visit" without knowing the doctor's time zone.
 */
export const VISIT_MARGIN_MS = DAY_MS;

export interface PairAppointment {
  status: AppointmentStatus;
  startAt: Date;
  endAt: Date;
}

export interface CareFacts {
  now: Date;
  /** CARE_RELATIONSHIP_DAYS. */
  days: number;
  /** The appointment the doctor reads through. */
  through: Pick<PairAppointment, 'status'>;
  /** The pair's active appointments (booked, checked in, in consultation). */
  active: PairAppointment[];
  /** The pair's latest completed consultation, if any. */
  lastCompleted?: Pick<PairAppointment, 'endAt'>;
}

export type CareDecision = { access: 'care'; until: Date } | { access: Exclude<CareAccess, 'care'> | 'none' };

/**
 * The care relationship between a doctor and a patient (docs/decisions.md): it holds during the
 * visit (checked in or in consultation, or a booking from a day before its start, each until a day
 * after its slot) and for `days` after the
 * end of the last completed consultation. Outside it, a booking still to come lets the doctor read
 * only what the patient chose for them (`booking`). Nothing is ever read through a cancelled
 * appointment.
 */
export function decideCareRelationship({
  now,
  days,
  through,
  active,
  lastCompleted,
}: CareFacts): CareDecision {
  if (through.status === 'cancelled') return { access: 'none' };
  const at = now.getTime();
  const ends: number[] = [];
  for (const appointment of active) {
    // A patient checked in (or in consultation) is in the visit whenever it started; a booking,
    // from a day before its start. Either way the visit ends a day after its slot at the latest,
    // so a visit nobody closed does not keep the relationship open.
    const arrived = appointment.status !== 'booked';
    const visitEnds = appointment.endAt.getTime() + VISIT_MARGIN_MS;
    if ((arrived || at >= appointment.startAt.getTime() - VISIT_MARGIN_MS) && at <= visitEnds) {
      ends.push(visitEnds);
    }
  }
  if (lastCompleted) {
    const lapses = lastCompleted.endAt.getTime() + days * DAY_MS;
    if (at <= lapses) ends.push(lapses);
  }
  if (ends.length > 0) return { access: 'care', until: new Date(Math.max(...ends)) };
  const booked = active.some(
    (appointment) => appointment.status === 'booked' && appointment.endAt.getTime() > at,
  );
  return booked ? { access: 'booking' } : { access: 'none' };
}
