import { Transform } from 'class-transformer';
import { IsString } from 'class-validator';
import { MaxTextLength, MinTextLength } from '../common/text-length';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

/** Where a doctor sees patients in person: shown on the profile and the search card. */
export class ClinicDto {
  @Transform(trim)
  @IsString()
  @MinTextLength(2)
  @MaxTextLength(120)
  name: string;

  @Transform(trim)
  @IsString()
  @MinTextLength(2)
  @MaxTextLength(200)
  addressLine: string;

  @Transform(trim)
  @IsString()
  @MinTextLength(2)
  @MaxTextLength(80)
  city: string;
}
