import { IntersectionType, PartialType, PickType } from '@nestjs/swagger';
import { AccountFieldsDto } from '../identity/credentials.dto';
import { DoctorProfileFieldsDto } from './doctor-profile-fields.dto';

/**
 * Any profile field. The licence details (LICENCE_FIELDS) are fixed once verified against them:
 * doctor-service refuses them (409) from an approved doctor; a pending or rejected one corrects them.
 */
export class UpdateDoctorProfileDto extends PartialType(
  IntersectionType(PickType(AccountFieldsDto, ['fullName'] as const), DoctorProfileFieldsDto),
) {}

/** The fields an admin verifies: editable until the registration is approved. */
export const LICENCE_FIELDS = ['licenseNumber', 'registrationCouncil', 'registrationYear'] as const;
