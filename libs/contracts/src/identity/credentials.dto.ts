import { Transform } from 'class-transformer';
import { IsEmail, IsString } from 'class-validator';
import { MaxTextLength, MinTextLength } from '../common/text-length';

/** Trimmed and lower-cased, as accounts store it. */
export const normaliseEmail = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;

export class LoginDto {
  @Transform(normaliseEmail)
  @IsEmail({}, { message: 'must be a valid email address' })
  @MaxTextLength(254)
  email: string;

  @IsString()
  @MinTextLength(1)
  @MaxTextLength(128)
  password: string;
}

/** Fields every account has, whatever its role. */
export class AccountFieldsDto {
  @Transform(normaliseEmail)
  @IsEmail({}, { message: 'must be a valid email address' })
  @MaxTextLength(254)
  email: string;

  @IsString()
  @MinTextLength(8, { message: 'must be at least 8 characters' })
  @MaxTextLength(128)
  password: string;

  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinTextLength(2)
  @MaxTextLength(120)
  fullName: string;

  /** The privacy notice version the person accepted; an older one is refused (`privacy_notice_outdated`). */
  @IsString({ message: 'is required: read and accept the privacy notice' })
  @MinTextLength(1, { message: 'is required: read and accept the privacy notice' })
  @MaxTextLength(20)
  privacyNoticeVersion: string;
}

export class RefreshTokenDto {
  @IsString()
  @MinTextLength(10)
  @MaxTextLength(512)
  refreshToken: string;
}
