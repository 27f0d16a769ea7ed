import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { MoneyDto } from '../common/money.dto';
import { MaxTextLength, MinTextLength } from '../common/text-length';

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
}
