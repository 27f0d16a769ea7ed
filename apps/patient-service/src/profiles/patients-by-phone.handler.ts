import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  PHONE_SEARCH_LIMIT,
  PatientSubjects,
  PatientsByPhoneMessage,
  type PatientsByPhoneView,
} from '@arogyam/contracts';
import { PatientRepository } from './patient.repository';

/**
 * For user-service's admin user search only (its NATS user is the only other one allowed; the
 * gateway never routes here): which patients' numbers end in the digits. Ids only: the number
 * stays here. The digits are never logged.
 */
@Controller()
export class PatientsByPhoneHandler {
  constructor(private readonly patients: PatientRepository) {}

  @MessagePattern(PatientSubjects.idsByPhone)
  async find(@Payload() message: PatientsByPhoneMessage): Promise<PatientsByPhoneView> {
    return { patientIds: await this.patients.idsByPhoneSuffix(message.phoneDigits, PHONE_SEARCH_LIMIT) };
  }
}
