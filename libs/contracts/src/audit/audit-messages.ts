import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, ValidateNested } from 'class-validator';
import { ActorPart } from '../common/actor-message.dto';
import { PageQueryDto } from '../common/page';
import { InstantRangePageQueryDto } from '../common/search-fields';
import { MaxTextLength, MinTextLength } from '../common/text-length';
import { AUDIT_RESOURCE_KINDS, type AuditResourceKind } from './audit-entry';

/** `GET /api/admin/audit`: every filter optional; dates are instants, `to` exclusive. */
export class AuditSearchQueryDto extends InstantRangePageQueryDto {
  @IsOptional()
  @IsString()
  @MinTextLength(1)
  @MaxTextLength(64)
  patientId?: string;

  @IsOptional()
  @IsString()
  @MinTextLength(1)
  @MaxTextLength(64)
  actorId?: string;

  @IsOptional()
  @IsIn(AUDIT_RESOURCE_KINDS)
  kind?: AuditResourceKind;
}

export class AuditSearchMessage extends ActorPart {
  @IsOptional()
  @ValidateNested()
  @Type(() => AuditSearchQueryDto)
  query?: AuditSearchQueryDto;
}

export class AuditListOwnMessage extends ActorPart {
  @IsOptional()
  @ValidateNested()
  @Type(() => PageQueryDto)
  query?: PageQueryDto;
}
