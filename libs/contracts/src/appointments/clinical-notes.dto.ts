import { IntersectionType } from '@nestjs/swagger';
import { IsBoolean, IsString } from 'class-validator';
import { AppointmentRefDto } from './appointment.dto';
import { MaxTextLength } from '../common/text-length';

/** Long enough for a thorough consultation, short enough to keep one note version small. */
const SOAP_FIELD_MAX = 10_000;

/** `PUT /api/appointments/:id/notes`: the whole SOAP note; each save becomes a new version. */
export class SaveClinicalNotesDto {
  @IsString()
  @MaxTextLength(SOAP_FIELD_MAX)
  subjective: string;

  @IsString()
  @MaxTextLength(SOAP_FIELD_MAX)
  objective: string;

  @IsString()
  @MaxTextLength(SOAP_FIELD_MAX)
  assessment: string;

  @IsString()
  @MaxTextLength(SOAP_FIELD_MAX)
  plan: string;

  @IsBoolean()
  sharedWithPatient: boolean;
}

export class SaveClinicalNotesBody extends IntersectionType(AppointmentRefDto, SaveClinicalNotesDto) {}
