import { IntersectionType } from '@nestjs/swagger';
import { AccountFieldsDto } from '../identity/credentials.dto';
import { DoctorProfileFieldsDto } from './doctor-profile-fields.dto';

export class RegisterDoctorDto extends IntersectionType(AccountFieldsDto, DoctorProfileFieldsDto) {}
