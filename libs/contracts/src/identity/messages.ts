import { IsIn, IsObject, IsString } from 'class-validator';
import { AccountFieldsDto, LoginDto, RefreshTokenDto } from './credentials.dto';
import { USER_ROLES, type UserRole } from './user-view';
import { MaxTextLength } from '../common/text-length';

const SELF_REGISTERING_ROLES = ['patient', 'doctor'] as const;

/** `user.account.register`: credentials plus the profile fields the profile service will keep. */
export class RegisterAccountMessage extends AccountFieldsDto {
  @IsIn(SELF_REGISTERING_ROLES)
  role: (typeof SELF_REGISTERING_ROLES)[number];

  @IsObject()
  profile: Record<string, unknown>;
}

/** `user.session.login`: the role is the door the user came through (patient, doctor, admin). */
export class LoginMessage extends LoginDto {
  @IsIn(USER_ROLES)
  role: UserRole;
}

export class AccountStatusMessage {
  @IsString()
  @MaxTextLength(64)
  userId: string;
}

export interface AccountStatusAnswer {
  userId: string;
  role: UserRole;
  active: boolean;
  /** An access token whose `ver` is not this one was issued before a suspension or reactivation. */
  tokenVersion: number;
}

/** `user.session.logout`: the caller (from the gateway's verified token) may end only their own sessions. */
export class LogoutMessage extends RefreshTokenDto {
  @IsString()
  @MaxTextLength(64)
  userId: string;
}

/** An admin acting on an account. */
export class AccountIdMessage {
  @IsString()
  @MaxTextLength(64)
  userId: string;

  @IsString()
  @MaxTextLength(64)
  actorId: string;
}
