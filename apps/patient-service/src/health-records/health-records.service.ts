import { Injectable, Logger } from '@nestjs/common';
import {
  DomainError,
  healthRecordObjectName,
  requireRole,
  type Actor,
  type CreateHealthRecordMessage,
  type HealthRecordFileAnswer,
  type HealthRecordView,
  type Page,
  type PageQueryDto,
} from '@arogyam/contracts';
import { pageWindow, toPage } from '@arogyam/persistence';
import { CareRelationships } from '../care/care-relationships';
import { HealthRecordFiles } from './health-record-files';
import { HealthRecordRepository } from './health-record.repository';
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
    return toHealthRecordView(record);
  }

  async listOwn(actor: Actor, query: PageQueryDto): Promise<Page<HealthRecordView>> {
    requireRole(actor, 'patient');
    const window = pageWindow(query);
    const { documents, total } = await this.records.pageOfPatient(actor.userId, window);
    return toPage(documents.map(toHealthRecordView), total, window);
  }

  /** The records of the appointment's patient that they share with doctors, for its doctor. */
  async listForAppointment(actor: Actor, appointmentId: string): Promise<Page<HealthRecordView>> {
    requireRole(actor, 'doctor');
    const appointment = await this.care.of(actor, appointmentId);
    const window = pageWindow({ limit: 100 });
    const { documents, total } = await this.records.pageSharedByPatient(appointment.patientId, window);
    return toPage(documents.map(toHealthRecordView), total, window);
  }

  /** One record and where its file is: for its patient, or a doctor through `appointmentId`. */
  async get(actor: Actor, recordId: string, appointmentId?: string): Promise<HealthRecordFileAnswer> {
    const record = await this.records.findById(recordId);
    if (!record) throw DomainError.notFound(NOT_FOUND);
    if (actor.role === 'patient') {
      if (record.patientId !== actor.userId) throw DomainError.notFound(NOT_FOUND);
    } else if (actor.role === 'doctor' && appointmentId) {
      const appointment = await this.care.of(actor, appointmentId);
      if (appointment.patientId !== record.patientId || !record.sharedWithDoctors) {
        throw DomainError.notFound(NOT_FOUND);
      }
    } else {
      throw DomainError.notFound(NOT_FOUND);
    }
    return { record: toHealthRecordView(record), objectName: healthRecordObjectName(record._id) };
  }

  /** The record goes at once; its file after it (a file without a record is never shown). */
  async delete(actor: Actor, recordId: string): Promise<{ deleted: true }> {
    requireRole(actor, 'patient');
    if (!(await this.records.deleteOwn(actor.userId, recordId))) throw DomainError.notFound(NOT_FOUND);
    await this.files
      .remove(recordId)
      .catch((error: Error) =>
        this.logger.warn(`The file of deleted record ${recordId} stays: ${error.message}`),
      );
    return { deleted: true };
  }
}
