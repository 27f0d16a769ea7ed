import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, ValidateNested } from 'class-validator';
import { trimToUndefined } from '../common/text-transforms';
import { MaxTextLength, MinTextLength } from '../common/text-length';

export const BLOOD_GROUPS = ['A+', 'A-', 'B+', 'B-', 'AB+', 'AB-', 'O+', 'O-', 'unknown'] as const;
export type BloodGroup = (typeof BLOOD_GROUPS)[number];

export const ALLERGY_SEVERITIES = ['mild', 'moderate', 'severe'] as const;
export type AllergySeverity = (typeof ALLERGY_SEVERITIES)[number];

/** Bounds of the medical profile: a list a patient keeps by hand, and one document per patient. */
export const MEDICAL_PROFILE_LIMITS = {
  allergies: 30,
  chronicConditions: 30,
  currentMedicines: 30,
  substance: 100,
  reaction: 200,
  condition: 120,
  /** As long as a prescription's drug, so a prescribed medicine can be kept as it was written. */
  medicineName: 120,
  dose: 60,
} as const;

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

/** "Penicillin", "rash", "severe". */
export class AllergyDto {
  @Transform(trim)
  @IsString()
  @MinTextLength(1)
  @MaxTextLength(MEDICAL_PROFILE_LIMITS.substance)
  substance: string;

  @IsOptional()
  @Transform(trimToUndefined)
  @IsString()
  @MaxTextLength(MEDICAL_PROFILE_LIMITS.reaction)
  reaction?: string;

  @IsOptional()
  @IsIn(ALLERGY_SEVERITIES)
  severity?: AllergySeverity;
}

/** A medicine the patient takes now, as they know it: "Metformin", "500 mg twice a day". */
export class CurrentMedicineDto {
  @Transform(trim)
  @IsString()
  @MinTextLength(1)
  @MaxTextLength(MEDICAL_PROFILE_LIMITS.medicineName)
  name: string;

  @IsOptional()
  @Transform(trimToUndefined)
  @IsString()
  @MaxTextLength(MEDICAL_PROFILE_LIMITS.dose)
  dose?: string;
}

const trimEach = ({ value }: { value: unknown }): unknown =>
  Array.isArray(value) ? value.map((item) => (typeof item === 'string' ? item.trim() : item)) : value;

/**
 * `PUT /api/patients/me/medical-profile`: the whole profile as it now stands (it replaces the
 * stored one). An absent list is an empty one; an absent blood group is not given.
 */
export class MedicalProfileDto {
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MEDICAL_PROFILE_LIMITS.allergies)
  @ValidateNested({ each: true })
  @Type(() => AllergyDto)
  allergies?: AllergyDto[];

  @IsOptional()
  @Transform(trimEach)
  @IsArray()
  @ArrayMaxSize(MEDICAL_PROFILE_LIMITS.chronicConditions)
  @IsString({ each: true })
  @MinTextLength(1, { each: true })
  @MaxTextLength(MEDICAL_PROFILE_LIMITS.condition, { each: true })
  chronicConditions?: string[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MEDICAL_PROFILE_LIMITS.currentMedicines)
  @ValidateNested({ each: true })
  @Type(() => CurrentMedicineDto)
  currentMedicines?: CurrentMedicineDto[];

  @IsOptional()
  @IsIn(BLOOD_GROUPS)
  bloodGroup?: BloodGroup;
}
