import { Injectable } from '@nestjs/common';
import { PatientSubjects, type PatientsByPhoneMessage, type PatientsByPhoneView } from '@arogyam/contracts';
import { callUpstream, RpcClient } from '@arogyam/messaging';
import { currentRequestId } from '@arogyam/service-kit';

/**
 * The patients whose number ends in the digits, asked of patient-service (phone numbers are its
 * data; only ids come back). The digits are never logged.
 */
@Injectable()
export class PatientsByPhoneLookup {
  constructor(private readonly rpc: RpcClient) {}

  async idsOf(phoneDigits: string): Promise<string[]> {
    const message: PatientsByPhoneMessage = { phoneDigits };
    const answer = await callUpstream<PatientsByPhoneView>(
      this.rpc,
      PatientSubjects.idsByPhone,
      message,
      'No patients found.',
      currentRequestId(),
    );
    return answer.patientIds;
  }
}
