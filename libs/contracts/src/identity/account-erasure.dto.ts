import { IsString } from 'class-validator';
import { MaxTextLength, MinTextLength } from '../common/text-length';

/** `DELETE /api/users/me`: the patient re-enters their password to delete their account. */
export class EraseAccountDto {
  @IsString()
  @MinTextLength(1)
  @MaxTextLength(128)
  password: string;
}

/** `user.account.check_password` and `user.account.erase`: the caller (from the verified token) and the password. */
export class EraseAccountMessage extends EraseAccountDto {
  @IsString()
  @MaxTextLength(64)
  userId: string;
}
