import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { ActorPart } from '../common/actor-message.dto';
import type { AppointmentStatus } from './appointment-views';
import { IsInstant } from './time-formats';

/** How many appointments one answer of `appointment.consultation.list_for_doctor` holds at most. */
export const DOCTOR_CONSULTATIONS_PAGE = 500;

/**
 * `appointment.consultation.list_for_doctor` (payment-service, acting for the doctor): a page of the
 * calling doctor's appointments that start in [from, to), in start order.
 */
export class DoctorConsultationsMessage extends ActorPart {
  @IsInstant()
  from: string;

  @IsInstant()
  to: string;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  page: number;
}

/** One appointment as earnings need it: no patient, no reason, nothing clinical. */
export interface DoctorConsultation {
  id: string;
  startAt: string;
  status: AppointmentStatus;
}

/** The answer: up to DOCTOR_CONSULTATIONS_PAGE; fewer means the last page. */
export interface DoctorConsultationsPage {
  items: DoctorConsultation[];
}
