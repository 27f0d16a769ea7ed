import { Transform } from 'class-transformer';
import { IsOptional, IsString } from 'class-validator';
import { PageQueryDto } from '../common/page';
import { MaxTextLength } from '../common/text-length';

const trim = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() || undefined : value;

export class DoctorSearchQueryDto extends PageQueryDto {
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxTextLength(80)
  specialization?: string;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxTextLength(80)
  city?: string;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxTextLength(40)
  language?: string;

  /** Case-insensitive prefix of the doctor's name (or of any word in it). */
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxTextLength(80)
  q?: string;
}
