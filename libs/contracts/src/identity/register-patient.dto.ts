import { IntersectionType } from '@nestjs/swagger';
import { AccountFieldsDto } from './credentials.dto';
import { PatientProfileFieldsDto } from '../patients/patient-profile-fields.dto';

export class RegisterPatientDto extends IntersectionType(AccountFieldsDto, PatientProfileFieldsDto) {}
