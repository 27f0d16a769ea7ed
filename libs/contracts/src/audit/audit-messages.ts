import { Type } from 'class-transformer';
import { IsIn, IsISO8601, IsOptional, IsString, ValidateNested } from 'class-validator';
import { ActorPart } from '../common/actor-message.dto';
import { PageQueryDto } from '../common/page';
import { MaxTextLength, MinTextLength } from '../common/text-length';
import { AUDIT_RESOURCE_KINDS, type AuditResourceKind } from './audit-entry';

/** `GET /api/admin/audit`: every filter optional; dates are instants, `to` exclusive. */
export class AuditSearchQueryDto extends PageQueryDto {
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

  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
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
