import { Transform } from 'class-transformer';
import { IsDateString, IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { IsPastDate } from '../common/past-date';
import { MaxTextLength, MinTextLength } from '../common/text-length';

export const GENDERS = ['female', 'male', 'other', 'undisclosed'] as const;
export type Gender = (typeof GENDERS)[number];

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export class PatientProfileFieldsDto {
  @IsOptional()
  @Matches(/^\+?[0-9 ()-]{7,20}$/, { message: 'must be a phone number' })
  phone?: string;

  @IsOptional()
  @Matches(DATE_ONLY, { message: 'must be a date (YYYY-MM-DD)' })
  @IsDateString({ strict: true }, { message: 'must be a real calendar date' })
  @IsPastDate()
  dateOfBirth?: string;

  @IsOptional()
  @IsIn(GENDERS)
  gender?: Gender;
}

/** What a patient may change of their own profile. */
export class UpdatePatientProfileDto extends PatientProfileFieldsDto {
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinTextLength(2)
  @MaxTextLength(120)
  fullName?: string;
}

export interface PatientProfileView {
  id: string;
  email: string;
  fullName: string;
  phone?: string;
  dateOfBirth?: string;
  gender?: Gender;
  createdAt: string;
}

export interface PatientDashboardView {
  upcomingAppointments: unknown[];
  recentPrescriptions: unknown[];
  unreadMessages: number;
}
