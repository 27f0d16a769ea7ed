import { Injectable } from '@nestjs/common';
import { UserEventTypes, erasedPatientOf, type EventEnvelope } from '@arogyam/contracts';
import type { EventHandler } from '@arogyam/messaging';
import type { OtherEventHandlers } from '@arogyam/persistence';
import { HealthRecordFiles } from '../health-records/health-record-files';
import { PatientErasureRepository } from './patient-erasure.repository';

/**
 * `user.erased` of a patient: their health records and the records' files go, their medical
 * profile goes, and their profile keeps its id and nothing personal. Taken on patient-service's
 * one durable consumer with the account events; a redelivery finds nothing left to do.
 */
@Injectable()
export class PatientErasure implements OtherEventHandlers {
  constructor(
    private readonly erasure: PatientErasureRepository,
    private readonly files: HealthRecordFiles,
  ) {}

  handlers(): Record<string, EventHandler> {
    return { [UserEventTypes.erased]: (event) => this.erase(event) };
  }

  async erase(event: EventEnvelope): Promise<void> {
    const patientId = erasedPatientOf(event);
    if (!patientId) return;
    const recordIds = await this.erasure.recordIdsOf(patientId);
    // Files first: a record is deleted only after its file, so a failure is retried with the
    // record still there to name the file.
    for (const recordId of recordIds) await this.files.remove(recordId);
    await this.erasure.deleteRecords(recordIds);
    await this.erasure.deleteMedicalProfile(patientId);
    await this.erasure.anonymiseProfile(patientId, new Date(event.occurredAt));
  }
}
