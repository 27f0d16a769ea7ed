import { Injectable, Logger } from '@nestjs/common';
import {
  AppointmentSubjects,
  PrescriptionSubjects,
  type Actor,
  type AppointmentForActorMessage,
  type PatientHistoryPrescriptionsView,
  type PatientHistoryView,
  type PrescriptionSummaryView,
} from '@arogyam/contracts';
import { bestEffort } from '../http/best-effort';
import { ServiceClient } from '../http/service-client';

/** The history should not wait long for prescriptions: without an answer it comes without them. */
const PRESCRIPTIONS_TIMEOUT_MS = 3_000;

/**
 * The doctor's patient history from an appointment: the earlier consultations and their notes from
 * appointment-service, each one's prescriptions from prescription-service. Each service checks the
 * care relationship itself; appointment-service's refusal (404) is the answer.
 */
@Injectable()
export class PatientHistory {
  private readonly logger = new Logger(PatientHistory.name);

  constructor(private readonly services: ServiceClient) {}

  async of(actor: Actor, appointmentId: string): Promise<PatientHistoryView> {
    const message: AppointmentForActorMessage = { actor, appointmentId };
    const prescriptions = bestEffort(
      this.services.send<PatientHistoryPrescriptionsView>(
        PrescriptionSubjects.listForHistory,
        message,
        PRESCRIPTIONS_TIMEOUT_MS,
      ),
      this.logger,
      'prescriptions unavailable for a patient history',
    );
    const history = await this.services.send<Omit<PatientHistoryView, 'prescriptionsIncluded'>>(
      AppointmentSubjects.patientHistory,
      message,
    );
    const issued = await prescriptions;
    if (!issued) return { ...history, prescriptionsIncluded: false };
    const byAppointment = new Map<string, PrescriptionSummaryView[]>();
    for (const { appointmentId: issuedFor, ...prescription } of issued.prescriptions) {
      byAppointment.set(issuedFor, [...(byAppointment.get(issuedFor) ?? []), prescription]);
    }
    return {
      ...history,
      prescriptionsIncluded: true,
      consultations: history.consultations.map((consultation) => ({
        ...consultation,
        prescriptions: byAppointment.get(consultation.appointmentId) ?? [],
      })),
    };
  }
}
