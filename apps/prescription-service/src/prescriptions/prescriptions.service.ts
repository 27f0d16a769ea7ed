import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  DomainError,
  IssuePrescriptionDto,
  PrescriptionEventTypes,
  requireRole,
  type Actor,
  type AppointmentStatus,
  type AuditResourceKind,
  type ListPrescriptionsQueryDto,
  type Page,
  type PrescriptionView,
  isDuplicateKey,
} from '@arogyam/contracts';
import { createEvent, validateMessagePart } from '@arogyam/messaging';
import { AuditTrail, InjectOutboxRelay, OutboxRelay, pageWindow, toPage } from '@arogyam/persistence';
import { UpstreamServices } from '../upstream/upstream-services';
import { Prescription } from './prescription.schema';
import { PrescriptionRepository, type StoredPrescription } from './prescription.repository';
import { toPrescriptionView } from './prescription-views';
import { prescriptionRead } from './prescription-read';
import { newVerificationCode } from './verification-code';

const NOT_FOUND = 'Prescription not found.';

/** A doctor prescribes during the consultation or after it, never before or for a cancelled one. */
const ISSUABLE_STATUSES: readonly AppointmentStatus[] = ['in_consultation', 'completed'];

/** Its patient and its doctor see a prescription; for anyone else it does not exist. */
const isParty = (actor: Actor, prescription: StoredPrescription): boolean =>
  (actor.role === 'patient' && prescription.patientId === actor.userId) ||
  (actor.role === 'doctor' && prescription.doctorId === actor.userId);

@Injectable()
export class PrescriptionsService {
  constructor(
    private readonly prescriptions: PrescriptionRepository,
    private readonly upstream: UpstreamServices,
    @InjectOutboxRelay(Prescription.name) private readonly relay: OutboxRelay<Prescription>,
    private readonly audit: AuditTrail,
  ) {}

  /**
   * Issues a prescription (or, with `supersedesId`, the next version of one) with its
   * `evt.prescription.issued` event in the same single-document insert. Only the appointment's
   * doctor may, only while it is in consultation or completed, and only once verified.
   */
  async issue(actor: Actor, body: unknown): Promise<PrescriptionView> {
    requireRole(actor, 'doctor');
    const dto = await validateMessagePart(IssuePrescriptionDto, body);
    const appointment = await this.upstream.appointment(dto.appointmentId);
    if (appointment.doctorId !== actor.userId) {
      throw DomainError.notFound('Appointment not found: only its own doctor may prescribe for it.');
    }
    if (!ISSUABLE_STATUSES.includes(appointment.status)) {
      throw DomainError.conflict(
        `A prescription can be issued only while the appointment is in consultation or once it is completed; this one is ${appointment.status}.`,
      );
    }
    const previous = dto.supersedesId
      ? await this.correctable(actor, dto.supersedesId, dto.appointmentId)
      : undefined;
    const doctor = await this.upstream.doctorProfile(actor.userId);
    if (doctor.verificationStatus !== 'approved') {
      throw DomainError.forbidden('Only verified doctors may issue prescriptions.');
    }

    const prescription: StoredPrescription = {
      _id: randomUUID(),
      appointmentId: dto.appointmentId,
      doctorId: actor.userId,
      patientId: appointment.patientId,
      doctor: {
        id: actor.userId,
        fullName: doctor.fullName,
        specialization: doctor.specialization,
        licenseNumber: doctor.licenseNumber,
      },
      patient: { id: appointment.patient.id, fullName: appointment.patient.fullName },
      items: dto.items,
      ...(dto.advice ? { advice: dto.advice } : {}),
      version: previous ? previous.version + 1 : 1,
      ...(previous ? { supersedesId: previous._id } : {}),
      verificationCode: newVerificationCode(),
      issuedAt: new Date(),
    };
    const view = toPrescriptionView(prescription);
    const event = createEvent(PrescriptionEventTypes.issued, view);
    const [audited] = this.audit.eventsFor({
      actor,
      patientId: prescription.patientId,
      kind: 'prescription',
      resourceId: prescription._id,
      action: 'create',
      outcome: 'allowed',
    });
    try {
      await this.prescriptions.insert(prescription, event, audited);
    } catch (error) {
      // A concurrent correction of the same version won the unique index on `supersedesId`.
      if (previous && isDuplicateKey(error)) {
        await this.correctable(actor, previous._id, dto.appointmentId);
      }
      throw error;
    }
    void this.relay.flush(prescription._id);
    if (previous) await this.prescriptions.linkCorrection(previous._id, prescription._id);
    return view;
  }

  /**
   * A patient's own prescriptions, or those a doctor issued, newest first. (A doctor does not see
   * other doctors' prescriptions for the same patient.)
   */
  async list(actor: Actor, query: ListPrescriptionsQueryDto = {}): Promise<Page<PrescriptionView>> {
    const window = pageWindow(query);
    let page: { documents: StoredPrescription[]; total: number };
    if (actor.role === 'patient') {
      if (query.patientId && query.patientId !== actor.userId) return toPage([], 0, window);
      page = await this.prescriptions.pageIssuedTo(actor.userId, query, window);
    } else if (actor.role === 'doctor') {
      page = await this.prescriptions.pageIssuedBy(actor.userId, query, window);
    } else {
      throw DomainError.forbidden('Only patients and doctors have prescriptions.');
    }
    const linked = await this.withCorrectionLinks(page.documents);
    await this.audit.record(...linked.map((prescription) => prescriptionRead(actor, prescription)));
    return toPage(linked.map(toPrescriptionView), page.total, window);
  }

  /** One prescription for its patient or its doctor, read as `kind` (the view, or its PDF). */
  async get(
    actor: Actor,
    prescriptionId: string,
    kind: Extract<AuditResourceKind, 'prescription' | 'prescription_pdf'> = 'prescription',
  ): Promise<PrescriptionView> {
    const prescription = await this.prescriptions.findById(prescriptionId);
    const access = {
      actor,
      patientId: prescription?.patientId,
      kind,
      resourceId: prescriptionId,
      action: 'read' as const,
    };
    if (!prescription || !isParty(actor, prescription))
      return this.audit.deny(access, DomainError.notFound(NOT_FOUND));
    const [linked] = await this.withCorrectionLinks([prescription]);
    await this.audit.record({ ...access, outcome: 'allowed' });
    return toPrescriptionView(linked);
  }

  /** The version a correction replaces: the doctor's own, for the same appointment, not yet corrected. */
  private async correctable(
    actor: Actor,
    supersedesId: string,
    appointmentId: string,
  ): Promise<StoredPrescription> {
    const previous = await this.prescriptions.findById(supersedesId);
    if (!previous || previous.doctorId !== actor.userId) {
      throw DomainError.notFound('The prescription to correct was not found among yours.');
    }
    if (previous.appointmentId !== appointmentId) {
      throw DomainError.unprocessable(
        'A correction must be for the same appointment as the prescription it corrects.',
      );
    }
    const [linked] = await this.withCorrectionLinks([previous]);
    if (linked.supersededById) {
      throw DomainError.conflict(
        `This prescription was already corrected by ${linked.supersededById}; correct the latest version instead.`,
      );
    }
    return previous;
  }

  /**
   * Fills in `supersededById` from the corrections themselves where the old version lacks it: the
   * correction is inserted before the old version is linked to it, so a crash in between leaves
   * the link to be repaired here. The unique index on `supersedesId` is the truth; the link is its mirror.
   */
  private async withCorrectionLinks(prescriptions: StoredPrescription[]): Promise<StoredPrescription[]> {
    const unlinked = prescriptions
      .filter((prescription) => !prescription.supersededById)
      .map(({ _id }) => _id);
    if (unlinked.length === 0) return prescriptions;
    const corrections = await this.prescriptions.correctionsOf(unlinked);
    if (corrections.length === 0) return prescriptions;
    const correctedBy = new Map(corrections.map((correction) => [correction.supersedesId, correction._id]));
    await Promise.all(
      [...correctedBy].map(([previousId, correctionId]) =>
        this.prescriptions.linkCorrection(previousId, correctionId),
      ),
    );
    return prescriptions.map((prescription) => {
      const supersededById = prescription.supersededById ?? correctedBy.get(prescription._id);
      return supersededById ? { ...prescription, supersededById } : prescription;
    });
  }
}
