import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString } from 'class-validator';
import { PageQueryDto } from '../common/page';
import { MaxTextLength } from '../common/text-length';
import { trimToUndefined } from '../common/text-transforms';
import { ACCOUNT_STATUSES, USER_ROLES, type AccountStatus, type UserRole } from '../identity/user-view';

/** The longest search text: a full name or an email address, with room to spare. */
export const USER_SEARCH_MAX_LENGTH = 100;

export class ListUsersQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(USER_ROLES)
  role?: UserRole;

  @IsOptional()
  @IsIn(ACCOUNT_STATUSES)
  status?: AccountStatus;

  /**
   * The beginning of a name word (any case, with or without accents), of an email, or a phone
   * number or its last digits (`+91`, spaces and dashes ignored). Never logged.
   */
  @IsOptional()
  @Transform(trimToUndefined)
  @IsString()
  @MaxTextLength(USER_SEARCH_MAX_LENGTH)
  q?: string;
}
