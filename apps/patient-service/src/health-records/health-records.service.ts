import { Injectable, Logger } from '@nestjs/common';
import {
  DomainError,
  healthRecordObjectName,
  requireRole,
  type Actor,
  type ClinicalAccess,
  type CreateHealthRecordMessage,
  type HealthRecordFileAnswer,
  type HealthRecordView,
  type Page,
  type PageQueryDto,
  type RecordSharing,
  type SetRecordSharingMessage,
} from '@arogyam/contracts';
import { failureSummary } from '@arogyam/messaging';
import { AuditTrail, isRefusal, pageWindow, toPage, UploadReservationRepository } from '@arogyam/persistence';
import { AuditedCare } from '../care/audited-care';
import { CareRelationships } from '../care/care-relationships';
import { HealthRecordFiles } from './health-record-files';
import { HealthRecordRepository } from './health-record.repository';
import type { HealthRecord } from './health-record.schema';
import { toHealthRecordView } from './health-record-views';
import { isSharedWith, readerKeys, storedSharing } from './record-sharing';

const NOT_FOUND = 'Health record not found.';
/**
 * A patient's health records: they add, list, read, share and delete their own; the doctor of one
 * of their appointments reads those shared with them, through that appointment, as far as the care
 * relationship allows (CareRelationships, record-sharing.ts). Everyone else gets 404, as if there
 * were none.
 */
@Injectable()
export class HealthRecordsService {
  private readonly logger = new Logger(HealthRecordsService.name);

  constructor(
    private readonly records: HealthRecordRepository,
    private readonly files: HealthRecordFiles,
    private readonly reservations: UploadReservationRepository,
    private readonly care: CareRelationships,
    private readonly auditedCare: AuditedCare,
    private readonly audit: AuditTrail,
  ) {}

  /** Notes an upload before its file goes into the object store (upload-sweep.ts says why). */
  async reserve(actor: Actor, recordId: string): Promise<{ reserved: true }> {
    requireRole(actor, 'patient');
    await this.reservations.reserve(recordId, actor.userId, new Date());
    return { reserved: true };
  }

  /**
   * Records a file the gateway has put in the object store under `recordId`. The file must be
   * there whole; a repeated create answers the first record. The upload's reservation is released
   * once the record exists (a failed release leaves it to the sweep, which finds the record).
   */
  async create({ actor, recordId, fields, file }: CreateHealthRecordMessage): Promise<HealthRecordView> {
    requireRole(actor, 'patient');
    const stored = await this.files.info(recordId);
    if (!stored || stored.size !== file.size) {
      throw DomainError.unprocessable('The file did not arrive whole. Please upload it again.');
    }
    const { sharing, doctorIds, sharedWithDoctors, ...described } = fields;
    const record = await this.records.createOnce(recordId, {
      patientId: actor.userId,
      ...described,
      ...storedSharing(uploadSharing(sharing, doctorIds, sharedWithDoctors)),
      ...file,
    });
    if (record.patientId !== actor.userId) throw DomainError.notFound(NOT_FOUND);
    // The record stands either way: a reservation not released is released by the sweep.
    await this.reservations.release(recordId).catch(() => undefined);
    await this.audit.record(this.access(actor, record, 'create'));
    return toHealthRecordView(record);
  }

  async listOwn(actor: Actor, query: PageQueryDto): Promise<Page<HealthRecordView>> {
    requireRole(actor, 'patient');
    const window = pageWindow(query);
    const { documents, total } = await this.records.pageOfPatient(actor.userId, window);
    await this.audit.record(...documents.map((record) => this.access(actor, record, 'read')));
    return toPage(documents.map(toHealthRecordView), total, window);
  }

  /**
   * The patient changes who may see their record; the next read by anyone follows it (reads ask
   * the record itself every time).
   */
  async setSharing({ actor, recordId, sharing }: SetRecordSharingMessage): Promise<HealthRecordView> {
    requireRole(actor, 'patient');
    const record = await this.records.setSharing(actor.userId, recordId, storedSharing(sharing));
    if (!record) throw DomainError.notFound(NOT_FOUND);
    await this.audit.record(this.access(actor, record, 'update'));
    return toHealthRecordView(record);
  }

  /** The records of the appointment's patient that its doctor may read, as far as the appointment opens. */
  async listForAppointment(actor: Actor, appointmentId: string): Promise<Page<HealthRecordView>> {
    requireRole(actor, 'doctor');
    const { appointment, relationship } = await this.auditedCare.through(
      actor,
      appointmentId,
      'health_record',
    );
    const window = pageWindow({ limit: 100 });
    const { documents, total } = await this.records.pageSharedWith(
      appointment.patientId,
      readerKeys(actor.userId, relationship.access),
      window,
    );
    await this.audit.record(...documents.map((record) => this.access(actor, record, 'read')));
    return toPage(documents.map(toHealthRecordView), total, window);
  }

  /** One record and where its file is: for its patient, or a doctor through `appointmentId`. */
  async get(actor: Actor, recordId: string, appointmentId?: string): Promise<HealthRecordFileAnswer> {
    const record = await this.records.findById(recordId);
    const access = {
      actor,
      patientId: record?.patientId,
      kind: 'health_record_file' as const,
      resourceId: recordId,
      action: 'read' as const,
    };
    if (!record) return this.audit.deny(access, DomainError.notFound(NOT_FOUND));
    try {
      await this.requireReader(actor, record, appointmentId);
    } catch (refusal) {
      if (!isRefusal(refusal)) throw refusal;
      return this.audit.deny(access, refusal);
    }
    await this.audit.record({ ...access, outcome: 'allowed' });
    return { record: toHealthRecordView(record), objectName: healthRecordObjectName(record._id) };
  }

  /** Its patient, or a doctor through one of the patient's appointments when it is shared with them. */
  private async requireReader(actor: Actor, record: HealthRecord, appointmentId?: string): Promise<void> {
    if (actor.role === 'patient' && record.patientId === actor.userId) return;
    if (actor.role === 'doctor' && appointmentId) {
      const { appointment, relationship } = await this.care.through(actor, appointmentId);
      if (
        appointment.patientId === record.patientId &&
        isSharedWith(record, actor.userId, relationship.access)
      )
        return;
    }
    throw DomainError.notFound(NOT_FOUND);
  }

  private access(
    actor: Actor,
    record: Pick<HealthRecord, '_id' | 'patientId'>,
    action: 'create' | 'read' | 'update' | 'delete',
  ): ClinicalAccess {
    return {
      actor,
      patientId: record.patientId,
      kind: 'health_record',
      resourceId: record._id,
      action,
      outcome: 'allowed',
    };
  }

  /** The record goes at once; its file after it (a file without a record is never shown). */
  async delete(actor: Actor, recordId: string): Promise<{ deleted: true }> {
    requireRole(actor, 'patient');
    if (!(await this.records.deleteOwn(actor.userId, recordId))) throw DomainError.notFound(NOT_FOUND);
    await this.audit.record(this.access(actor, { _id: recordId, patientId: actor.userId }, 'delete'));
    await this.files
      .remove(recordId)
      .catch((error: Error) =>
        this.logger.warn(`The file of deleted record ${recordId} stays: ${failureSummary(error)}`),
      );
    return { deleted: true };
  }
}

/** An upload's sharing: its `sharing` choice, or else the older yes/no (yes by default). */
function uploadSharing(
  mode: RecordSharing['mode'] | undefined,
  doctorIds: string[] | undefined,
  sharedWithDoctors: boolean | undefined,
): RecordSharing {
  if (mode === 'chosen' && (!doctorIds || doctorIds.length === 0)) {
    throw DomainError.badRequest('Choose at least one doctor to share with.', [
      { field: 'doctorIds', problem: 'must name at least one doctor when sharing with chosen doctors' },
    ]);
  }
  if (mode) return { mode, doctorIds: doctorIds ?? [] };
  return { mode: sharedWithDoctors === false ? 'none' : 'all_my_doctors', doctorIds: [] };
}
