/**
 * The keys through which unique indexes hold an appointment's two invariants. Both exist only
 * while the appointment is active (booked, checked in, in consultation) and are `$unset` in the
 * same write that ends it, so a cancelled or finished appointment holds nothing.
 *
 * - `doctorSlotKey`: one active appointment per doctor slot (unique index on one field).
 * - `patientBusy`: a patient never holds two overlapping active appointments. Time is cut into
 *   5-minute buckets (every slot starts and ends on one, see availability.dto.ts). An appointment
 *   writes `patientId|bucket` into field `r<n mod 48>` for each bucket n it covers; 48 buckets
 *   are 240 minutes, the longest slot, so one appointment never needs a field twice, and two
 *   appointments of one patient that share a bucket write the same value into the same field,
 *   which that field's unique index refuses. Plain fields rather than one multikey array:
 *   FerretDB 1.24 indexes an array as one value, so a unique multikey index there only refuses
 *   identical arrays, not a shared element (checked, see docs/decisions.md).
 */
export const BUCKET_MINUTES = 5;
export const PATIENT_BUSY_FIELDS = 48;

const BUCKET_MS = BUCKET_MINUTES * 60_000;

export const doctorSlotKey = (doctorId: string, startAt: Date): string =>
  `${doctorId}|${startAt.toISOString()}`;

export function patientBusyKeys(patientId: string, startAt: Date, endAt: Date): Record<string, string> {
  const first = Math.floor(startAt.getTime() / BUCKET_MS);
  const last = Math.ceil(endAt.getTime() / BUCKET_MS);
  if (last - first > PATIENT_BUSY_FIELDS) {
    throw new Error(
      `An appointment may cover at most ${PATIENT_BUSY_FIELDS} buckets of ${BUCKET_MINUTES} minutes`,
    );
  }
  const keys: Record<string, string> = {};
  for (let bucket = first; bucket < last; bucket++) {
    keys[`r${bucket % PATIENT_BUSY_FIELDS}`] = `${patientId}|${new Date(bucket * BUCKET_MS).toISOString()}`;
  }
  return keys;
}

/** The fields an active appointment holds its time with, for a `$set`. */
export const timeHeldBy = (appointment: {
  doctorId: string;
  patientId: string;
  startAt: Date;
  endAt: Date;
}) => ({
  doctorSlotKey: doctorSlotKey(appointment.doctorId, appointment.startAt),
  patientBusy: patientBusyKeys(appointment.patientId, appointment.startAt, appointment.endAt),
});

/** The `$unset` that frees an appointment's time. */
export const RELEASED_TIME = { doctorSlotKey: '', patientBusy: '' } as const;

/** Every `patientBusy` field, one unique index each. */
export const patientBusyFields = (): string[] =>
  Array.from({ length: PATIENT_BUSY_FIELDS }, (_, index) => `patientBusy.r${index}`);
