import { Transform } from 'class-transformer';
import { IsEmail, IsString, Matches } from 'class-validator';
import { MaxTextLength, MinTextLength } from '../common/text-length';
import { normaliseEmail } from './credentials.dto';

/** A reset token as the link carries it: 32 random bytes in base64url (43 characters). */
const RESET_TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;
const RESET_TOKEN_PROBLEM = 'must be the token from the password reset link';

/** `POST /api/auth/password-reset`: the address to send a link to, if it has an account. */
export class PasswordResetRequestDto {
  @Transform(normaliseEmail)
  @IsEmail({}, { message: 'must be a valid email address' })
  @MaxTextLength(254)
  email: string;
}

/** `POST /api/auth/password-reset/check`: whether a link can still be used, before the form is filled. */
export class PasswordResetTokenDto {
  @IsString()
  @Matches(RESET_TOKEN_SHAPE, { message: RESET_TOKEN_PROBLEM })
  token: string;
}

/** `POST /api/auth/password-reset/complete`: the link's token and the password chosen. */
export class PasswordResetCompleteDto extends PasswordResetTokenDto {
  @IsString()
  @MinTextLength(8, { message: 'must be at least 8 characters' })
  @MaxTextLength(128)
  newPassword: string;
}

/** `POST /api/auth/password`: the signed-in person changes their own password. */
export class ChangePasswordDto {
  @IsString()
  @MinTextLength(1)
  @MaxTextLength(128)
  currentPassword: string;

  @IsString()
  @MinTextLength(8, { message: 'must be at least 8 characters' })
  @MaxTextLength(128)
  newPassword: string;
}

/** `user.account.change_password`: the caller is the gateway's verified token's subject. */
export class ChangePasswordMessage extends ChangePasswordDto {
  @IsString()
  @MaxTextLength(64)
  userId: string;
}

/** What a reset request answers, whether or not the address has an account. */
export interface PasswordResetRequestAnswer {
  message: string;
}
