import { Injectable } from '@nestjs/common';
import { InjectModel, type ModelDefinition } from '@nestjs/mongoose';
import type { FilterQuery, Model } from 'mongoose';
import type { EventEnvelope, PatientDataPage } from '@arogyam/contracts';
import { findPage, patientDataPage, toOutboxEntry, type PageWindow } from '@arogyam/persistence';
import { Prescription, PrescriptionSchema } from './prescription.schema';
import { toPrescriptionView } from './prescription-views';

/** A prescription as the service reads it: everything but the outbox. */
export type StoredPrescription = Omit<Prescription, 'outbox'>;

const WITHOUT_OUTBOX = { outbox: 0 } as const;
/** Lists: newest first, `_id` breaking ties so that pages never repeat or skip. */
const NEWEST_FIRST = { issuedAt: -1, _id: 1 } as const;

// A patient's prescriptions (`pageIssuedTo`), a doctor's (`pageIssuedBy`), and either narrowed to
// one appointment, newest first. A doctor's narrowed to one patient is served by either index (on
// FerretDB both, intersected).
PrescriptionSchema.index({ patientId: 1, issuedAt: -1, _id: 1 });
PrescriptionSchema.index({ doctorId: 1, issuedAt: -1, _id: 1 });
PrescriptionSchema.index({ appointmentId: 1, issuedAt: -1, _id: 1 });
// The corrections of some versions (`correctionsOf`), and one correction per version: the second
// insert naming the same `supersedesId` is refused (E11000). Sparse: originals have no such field.
PrescriptionSchema.index({ supersedesId: 1 }, { unique: true, sparse: true });
// A code identifies one prescription (`findByVerificationCode`).
PrescriptionSchema.index({ verificationCode: 1 }, { unique: true });

/** `prescriptions`; a single prescription is read and linked by `_id`. */
export const prescriptionModel: ModelDefinition = { name: Prescription.name, schema: PrescriptionSchema };

/** What a list is narrowed to beside its owner. */
export interface PrescriptionListFilter {
  patientId?: string;
  appointmentId?: string;
}

/** Every read and write of `prescriptions`. */
@Injectable()
export class PrescriptionRepository {
  constructor(@InjectModel(Prescription.name) private readonly prescriptions: Model<Prescription>) {}

  /**
   * Inserts the prescription with its events (its issue, its audit entry) in the outbox (one write).
   * Rejects with E11000 when the version it corrects was corrected already (or, vanishingly rarely,
   * its code is taken).
   */
  async insert(prescription: StoredPrescription, ...events: EventEnvelope[]): Promise<void> {
    await this.prescriptions.create({ ...prescription, outbox: events.map(toOutboxEntry) });
  }

  findById(prescriptionId: string): Promise<StoredPrescription | null> {
    return this.prescriptions.findById(prescriptionId, WITHOUT_OUTBOX).lean<StoredPrescription>().exec();
  }

  /** The prescription printed with this code: a pharmacist's check of a paper copy. */
  findByVerificationCode(code: string): Promise<StoredPrescription | null> {
    return this.prescriptions
      .findOne({ verificationCode: code }, WITHOUT_OUTBOX)
      .lean<StoredPrescription>()
      .exec();
  }

  /** A page of the patient's prescriptions, newest first, and how many there are. */
  pageIssuedTo(
    patientId: string,
    { appointmentId }: Pick<PrescriptionListFilter, 'appointmentId'>,
    window: PageWindow,
  ): Promise<{ documents: StoredPrescription[]; total: number }> {
    return this.page({ patientId, ...(appointmentId ? { appointmentId } : {}) }, window);
  }

  /** A page of the prescriptions the doctor issued, newest first, and how many there are. */
  pageIssuedBy(
    doctorId: string,
    { patientId, appointmentId }: PrescriptionListFilter,
    window: PageWindow,
  ): Promise<{ documents: StoredPrescription[]; total: number }> {
    return this.page(
      { doctorId, ...(patientId ? { patientId } : {}), ...(appointmentId ? { appointmentId } : {}) },
      window,
    );
  }

  /** The corrections of these versions, each as its id and the id it corrects. */
  correctionsOf(prescriptionIds: string[]): Promise<{ _id: string; supersedesId: string }[]> {
    return this.prescriptions
      .find({ supersedesId: { $in: prescriptionIds } }, { _id: 1, supersedesId: 1 })
      .lean<{ _id: string; supersedesId: string }[]>()
      .exec();
  }

  /** The one change an issued prescription ever sees, made once. */
  async linkCorrection(previousId: string, correctionId: string): Promise<void> {
    await this.prescriptions
      .updateOne(
        { _id: previousId, supersededById: { $exists: false } },
        { $set: { supersededById: correctionId } },
      )
      .exec();
  }

  private page(
    filter: FilterQuery<Prescription>,
    window: PageWindow,
  ): Promise<{ documents: StoredPrescription[]; total: number }> {
    return findPage(this.prescriptions, filter, NEWEST_FIRST, window, WITHOUT_OUTBOX) as Promise<{
      documents: StoredPrescription[];
      total: number;
    }>;
  }

  /** Every prescription (every version) issued to the patient, for their data export. */
  exportPage(patientId: string, cursor: string | undefined): Promise<PatientDataPage> {
    return patientDataPage(this.prescriptions, { patientId }, cursor, (prescription) => ({
      ...toPrescriptionView(prescription),
    }));
  }
}
