import { applyDecorators } from '@nestjs/common';
import { IsISO8601, IsOptional, IsString } from 'class-validator';
import { PageQueryDto } from './page';
import { MaxTextLength, MinTextLength } from './text-length';

/** An optional id filter of a search (`patientId`, `appointmentId`). */
export const OptionalIdFilter = (): PropertyDecorator =>
  applyDecorators(IsOptional(), IsString(), MinTextLength(1), MaxTextLength(64));

/** A page of a search narrowed to instants `from` (included) to `to` (excluded), both optional. */
export class InstantRangePageQueryDto extends PageQueryDto {
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}
