import { Transform } from 'class-transformer';
import { IsString, MaxLength, MinLength } from 'class-validator';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

/** Where a doctor sees patients in person: shown on the profile and the search card. */
export class ClinicDto {
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(120)
  name: string;

  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  addressLine: string;

  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(80)
  city: string;
}
