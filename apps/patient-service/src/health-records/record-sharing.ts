import type { CareAccess, RecordSharing } from '@arogyam/contracts';
import type { HealthRecord } from './health-record.schema';

/** In `readers`, the key of a record shared with all the patient's doctors (no doctor id looks like it). */
export const ALL_MY_DOCTORS = 'all_my_doctors';

/** The sharing as stored: the choice, and its reads key (`readers`). */
export function storedSharing(sharing: RecordSharing): Pick<HealthRecord, 'sharing' | 'readers'> {
  const doctorIds = sharing.mode === 'chosen' ? [...new Set(sharing.doctorIds)] : [];
  return {
    sharing: { mode: sharing.mode, doctorIds },
    readers: sharing.mode === 'all_my_doctors' ? [ALL_MY_DOCTORS] : doctorIds,
  };
}

/** A record's sharing, read tolerantly: records from before per-doctor sharing had a yes/no. */
export function sharingOf(record: Pick<HealthRecord, 'sharing' | 'sharedWithDoctors'>): RecordSharing {
  if (record.sharing) return { mode: record.sharing.mode, doctorIds: [...record.sharing.doctorIds] };
  return { mode: record.sharedWithDoctors === false ? 'none' : 'all_my_doctors', doctorIds: [] };
}

/**
 * Which `readers` keys let this doctor read, by what the appointment opens: inside the care
 * relationship, records shared with all the patient's doctors or with them; through a booking
 * still to come, only those the patient chose for them.
 */
export function readerKeys(doctorId: string, access: CareAccess): string[] {
  return access === 'care' ? [ALL_MY_DOCTORS, doctorId] : [doctorId];
}

/** Whether the record is shared so that this doctor reads it with this access (the same rule as readerKeys). */
export function isSharedWith(
  record: Pick<HealthRecord, 'sharing' | 'sharedWithDoctors'>,
  doctorId: string,
  access: CareAccess,
): boolean {
  const sharing = sharingOf(record);
  if (sharing.mode === 'chosen') return sharing.doctorIds.includes(doctorId);
  return sharing.mode === 'all_my_doctors' && access === 'care';
}
