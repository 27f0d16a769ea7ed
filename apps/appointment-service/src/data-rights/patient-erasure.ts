import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { ERASED_PATIENT_NAME, erasedPatientOf, type EventEnvelope } from '@arogyam/contracts';
import { Appointment } from '../appointments/appointment.schema';

/**
 * `user.erased` of a patient: their appointments stay (the doctor's record of each visit, the
 * clinical notes beside them are kept as the law requires) with "Deleted patient" for the name,
 * and without the words the patient wrote: the reason for the visit and their own reasons for
 * cancelling. The same values again on a redelivery.
 */
@Injectable()
export class PatientErasure {
  constructor(@InjectModel(Appointment.name) private readonly appointments: Model<Appointment>) {}

  async erase(event: EventEnvelope): Promise<void> {
    const patientId = erasedPatientOf(event);
    if (!patientId) return;
    await this.appointments
      .updateMany(
        { patientId },
        { $set: { 'patient.fullName': ERASED_PATIENT_NAME }, $unset: { reason: '' } },
      )
      .exec();
    await this.appointments
      .updateMany({ patientId, cancelledBy: 'patient' }, { $unset: { cancellationReason: '' } })
      .exec();
  }
}
