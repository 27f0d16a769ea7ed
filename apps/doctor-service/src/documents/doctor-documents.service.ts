import { Injectable, Logger } from '@nestjs/common';
import {
  DomainError,
  MAX_DOCTOR_DOCUMENTS,
  doctorDocumentObjectName,
  requireRole,
  type AddDoctorDocumentMessage,
  type DoctorDocumentFileAnswer,
  type DoctorDocumentMessage,
  type DoctorProfileView,
} from '@arogyam/contracts';
import { failureSummary } from '@arogyam/messaging';
import { UploadReservationRepository } from '@arogyam/persistence';
import { DoctorRepository } from '../profiles/doctor.repository';
import { toDoctorDocumentView, toDoctorProfileView } from '../profiles/doctor-views';
import { DoctorDocumentFiles } from './doctor-document-files';

const NOT_FOUND = 'Document not found.';

/**
 * A doctor's verification documents: the doctor adds and removes their own, and reads them; an
 * admin reads any doctor's (to verify them). The gateway moves the bytes in and out; this service
 * deletes them when a document is removed or never reached the profile.
 */
@Injectable()
export class DoctorDocumentsService {
  private readonly logger = new Logger(DoctorDocumentsService.name);

  constructor(
    private readonly doctors: DoctorRepository,
    private readonly reservations: UploadReservationRepository,
    private readonly files: DoctorDocumentFiles,
  ) {}

  /** Notes an upload before its file goes into the bucket (document-upload-sweep.ts says why). */
  async reserve(message: DoctorDocumentMessage): Promise<{ reserved: true }> {
    requireRole(message.actor, 'doctor');
    await this.reservations.reserve(message.documentId, message.actor.userId, new Date());
    return { reserved: true };
  }

  async add(message: AddDoctorDocumentMessage): Promise<DoctorProfileView> {
    requireRole(message.actor, 'doctor');
    const doctorId = message.actor.userId;
    const current = await this.doctors.findById(doctorId);
    if (!current) throw DomainError.notFound('You have no doctor profile yet.');
    if ((current.documents ?? []).length >= MAX_DOCTOR_DOCUMENTS) {
      throw DomainError.conflict(
        `You can keep at most ${MAX_DOCTOR_DOCUMENTS} documents; remove one before adding another.`,
      );
    }
    const doctor = await this.doctors.addDocument(doctorId, {
      id: message.documentId,
      ...message.file,
      uploadedAt: new Date(),
    });
    if (!doctor) throw DomainError.notFound('You have no doctor profile yet.');
    // The document stands either way: a reservation not released is released by the sweep.
    await this.reservations.release(message.documentId).catch(() => undefined);
    return toDoctorProfileView(doctor);
  }

  /**
   * Answers the profile without the document, whose file is deleted here once the profile no
   * longer lists it (the gateway used to, after the answer: a gateway that stopped in between left
   * the file for good).
   */
  async remove(message: DoctorDocumentMessage): Promise<DoctorProfileView> {
    requireRole(message.actor, 'doctor');
    const doctorId = message.actor.userId;
    const doctor = await this.doctors.removeDocument(doctorId, message.documentId);
    if (!doctor) throw DomainError.notFound(NOT_FOUND);
    await this.files
      .remove(doctorId, message.documentId)
      .catch((error: unknown) =>
        this.logger.warn(
          `The file of removed document ${message.documentId} stays: ${failureSummary(error)}`,
        ),
      );
    return toDoctorProfileView(doctor);
  }

  /** Where a document's bytes are: the doctor's own, or any doctor's for an admin; 404 otherwise. */
  async file(message: DoctorDocumentMessage): Promise<DoctorDocumentFileAnswer> {
    const { actor } = message;
    if (actor.role !== 'doctor' && actor.role !== 'admin')
      throw DomainError.forbidden('Doctors and admins only.');
    const doctorId = actor.role === 'admin' ? message.doctorId : actor.userId;
    if (!doctorId) throw DomainError.badRequest('Name the doctor whose document it is.');
    const doctor = await this.doctors.findById(doctorId);
    const document = doctor?.documents?.find((candidate) => candidate.id === message.documentId);
    if (!document) throw DomainError.notFound(NOT_FOUND);
    return {
      document: toDoctorDocumentView(document),
      objectName: doctorDocumentObjectName(doctorId, document.id),
    };
  }
}
