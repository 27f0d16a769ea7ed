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
} from '@arogyam/contracts';
import { AuditTrail, isRefusal, pageWindow, toPage } from '@arogyam/persistence';
import { AuditedCare } from '../care/audited-care';
import { CareRelationships } from '../care/care-relationships';
import { HealthRecordFiles } from './health-record-files';
import { HealthRecordRepository } from './health-record.repository';
import type { HealthRecord } from './health-record.schema';
import { toHealthRecordView } from './health-record-views';

const NOT_FOUND = 'Health record not found.';
/**
 * A patient's health records: they add, list, read and delete their own; the doctor of one of
 * their appointments reads those they share with doctors, through that appointment (the care
 * relationship, decided by appointment-service). Everyone else gets 404, as if there were none.
 */
@Injectable()
export class HealthRecordsService {
  private readonly logger = new Logger(HealthRecordsService.name);

  constructor(
    private readonly records: HealthRecordRepository,
    private readonly files: HealthRecordFiles,
    private readonly care: CareRelationships,
    private readonly auditedCare: AuditedCare,
    private readonly audit: AuditTrail,
  ) {}

  /**
   * Records a file the gateway has put in the object store under `recordId`. The file must be
   * there whole; a repeated create answers the first record.
   */
  async create({ actor, recordId, fields, file }: CreateHealthRecordMessage): Promise<HealthRecordView> {
    requireRole(actor, 'patient');
    const stored = await this.files.info(recordId);
    if (!stored || stored.size !== file.size) {
      throw DomainError.unprocessable('The file did not arrive whole. Please upload it again.');
    }
    const record = await this.records.createOnce(recordId, {
      patientId: actor.userId,
      ...fields,
      sharedWithDoctors: fields.sharedWithDoctors ?? true,
      ...file,
    });
    if (record.patientId !== actor.userId) throw DomainError.notFound(NOT_FOUND);
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

  /** The records of the appointment's patient that they share with doctors, for its doctor. */
  async listForAppointment(actor: Actor, appointmentId: string): Promise<Page<HealthRecordView>> {
    requireRole(actor, 'doctor');
    const appointment = await this.auditedCare.of(actor, appointmentId, 'health_record');
    const window = pageWindow({ limit: 100 });
    const { documents, total } = await this.records.pageSharedByPatient(appointment.patientId, window);
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

  /** Its patient, or a doctor through one of the patient's appointments when the record is shared. */
  private async requireReader(actor: Actor, record: HealthRecord, appointmentId?: string): Promise<void> {
    if (actor.role === 'patient' && record.patientId === actor.userId) return;
    if (actor.role === 'doctor' && appointmentId) {
      const appointment = await this.care.of(actor, appointmentId);
      if (appointment.patientId === record.patientId && record.sharedWithDoctors) return;
    }
    throw DomainError.notFound(NOT_FOUND);
  }

  private access(
    actor: Actor,
    record: Pick<HealthRecord, '_id' | 'patientId'>,
    action: 'create' | 'read' | 'delete',
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
        this.logger.warn(`The file of deleted record ${recordId} stays: ${error.message}`),
      );
    return { deleted: true };
  }
}
