import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../common/page';
import { ACCOUNT_STATUSES, USER_ROLES, type AccountStatus, type UserRole } from '../identity/user-view';

export class ListUsersQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(USER_ROLES)
  role?: UserRole;

  @IsOptional()
  @IsIn(ACCOUNT_STATUSES)
  status?: AccountStatus;
}
