import { IntersectionType, OmitType, PartialType, PickType } from '@nestjs/swagger';
import { AccountFieldsDto } from '../identity/credentials.dto';
import { DoctorProfileFieldsDto } from './doctor-profile-fields.dto';

/** The registration number is fixed once verified against it, so it is not editable here. */
export class UpdateDoctorProfileDto extends PartialType(
  IntersectionType(
    PickType(AccountFieldsDto, ['fullName'] as const),
    OmitType(DoctorProfileFieldsDto, ['licenseNumber'] as const),
  ),
) {}
