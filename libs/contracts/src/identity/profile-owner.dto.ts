import { PickType } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { AccountFieldsDto } from './credentials.dto';

/** Who a profile belongs to: the account's id, email and name, copied when the profile is created. */
export class ProfileOwnerDto extends PickType(AccountFieldsDto, ['email', 'fullName'] as const) {
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  userId: string;
}
