import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { MoneyDto } from '../common/money.dto';
import { MaxTextLength, MinTextLength } from '../common/text-length';
import { ClinicDto } from './clinic.dto';
import { IsNotAfterThisYear, REGISTRATION_YEAR_MIN } from './registration-year';
import { DOCTOR_GENDERS, type DoctorGender } from './doctor-gender';
import { DOCTOR_PHOTO_MAX_LENGTH, DOCTOR_PHOTO_PATTERN } from './doctor-photo';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

/** Profile fields a doctor gives at registration and may edit later. */
export class DoctorProfileFieldsDto {
  @Transform(trim)
  @IsString()
  @MinTextLength(2)
  @MaxTextLength(80)
  specialization: string;

  @Transform(trim)
  @Matches(/^[A-Za-z0-9/-]{4,40}$/, { message: 'must be 4-40 letters, digits, / or -' })
  licenseNumber: string;

  /** The medical council that registered the doctor, e.g. "Karnataka Medical Council". */
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinTextLength(2)
  @MaxTextLength(120)
  registrationCouncil?: string;

  /** The year of registration with that council. */
  @IsOptional()
  @IsInt()
  @Min(REGISTRATION_YEAR_MIN)
  @IsNotAfterThisYear()
  registrationYear?: number;

  @IsInt()
  @Min(0)
  @Max(70)
  yearsOfExperience: number;

  @ValidateNested()
  @Type(() => MoneyDto)
  consultationFee: MoneyDto;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxTextLength(80)
  city?: string;

  /** Optional: a doctor who gives none is found by every search that does not filter on it. */
  @IsOptional()
  @IsIn(DOCTOR_GENDERS)
  gender?: DoctorGender;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(12)
  @IsString({ each: true })
  @MaxTextLength(40, { each: true })
  languages?: string[];

  @IsOptional()
  @IsString()
  @MaxTextLength(2000)
  bio?: string;

  /** Degrees as patients read them, e.g. "MBBS, MD (Cardiology)"; empty text clears them. */
  @IsOptional()
  @Transform(trim)
  @IsString()
  @ValidateIf((_, value) => value !== '')
  @MinTextLength(2)
  @MaxTextLength(200)
  qualifications?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => ClinicDto)
  clinic?: ClinicDto;

  /** Empty text removes the photo. */
  @IsOptional()
  @IsString()
  @ValidateIf((_, value) => value !== '')
  @MaxTextLength(DOCTOR_PHOTO_MAX_LENGTH)
  @Matches(DOCTOR_PHOTO_PATTERN, { message: 'must be a base64 data URL of a PNG, JPEG, WebP or SVG image' })
  photo?: string;
}
