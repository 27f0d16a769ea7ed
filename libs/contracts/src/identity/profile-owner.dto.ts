import { PickType } from '@nestjs/swagger';
import { IsString } from 'class-validator';
import { AccountFieldsDto } from './credentials.dto';
import { MaxTextLength, MinTextLength } from '../common/text-length';

/** Who a profile belongs to: the account's id, email and name, copied when the profile is created. */
export class ProfileOwnerDto extends PickType(AccountFieldsDto, ['email', 'fullName'] as const) {
  @IsString()
  @MinTextLength(1)
  @MaxTextLength(64)
  userId: string;
}
