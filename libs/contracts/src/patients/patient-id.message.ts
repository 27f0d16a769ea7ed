import { IsString } from 'class-validator';
import { MaxTextLength, MinTextLength } from '../common/text-length';

/** `patient.profile.get_for_service`: which patient, asked by another service (no caller). */
export class PatientIdMessage {
  @IsString()
  @MinTextLength(1)
  @MaxTextLength(64)
  patientId: string;
}
