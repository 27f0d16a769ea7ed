import { Injectable } from '@nestjs/common';
import { UserEventTypes, erasedPatientOf, type EventEnvelope } from '@arogyam/contracts';
import type { EventHandler } from '@arogyam/messaging';
import type { OtherEventHandlers } from '@arogyam/persistence';
import { DataExportArchives } from '../data-export/data-export-archives';
import { DataExportRepository } from '../data-export/data-export.repository';
import { HealthRecordFiles } from '../health-records/health-record-files';
import { PatientErasureRepository } from './patient-erasure.repository';

/**
 * `user.erased` of a patient: their health records and the records' files go, their medical
 * profile goes, their data exports and the archives go (an archive holds everything), and their
 * profile keeps its id and nothing personal. Taken on patient-service's
 * durable consumer of `user.erased`, after the account events stored before it; a redelivery finds
 * nothing left to do.
 */
@Injectable()
export class PatientErasure implements OtherEventHandlers {
  constructor(
    private readonly erasure: PatientErasureRepository,
    private readonly files: HealthRecordFiles,
    private readonly exports: DataExportRepository,
    private readonly archives: DataExportArchives,
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
    // Archives first, as files before records. An export still running drops its own archive when
    // it finds its job gone (data-export-runner.ts).
    const exportIds = await this.exports.idsOf(patientId);
    for (const exportId of exportIds) await this.archives.remove(exportId);
    await this.exports.deleteAll(exportIds);
    await this.erasure.anonymiseProfile(patientId, new Date(event.occurredAt));
  }
}
