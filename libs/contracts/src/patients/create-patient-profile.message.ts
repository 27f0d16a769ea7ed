import { IntersectionType } from '@nestjs/swagger';
import { ProfileOwnerDto } from '../identity/profile-owner.dto';
import { PatientProfileFieldsDto } from './patient-profile-fields.dto';

/** `patient.profile.create`: idempotent, keyed by the user id. */
export class CreatePatientProfileMessage extends IntersectionType(ProfileOwnerDto, PatientProfileFieldsDto) {}
