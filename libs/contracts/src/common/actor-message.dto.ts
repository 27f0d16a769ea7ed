import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, IsString, ValidateNested } from 'class-validator';
import { USER_ROLES, type UserRole } from '../identity/user-view';
import type { Actor } from './actor';
import { MaxTextLength, MinTextLength } from './text-length';

export class ActorDto implements Actor {
  @IsString()
  @MinTextLength(1)
  @MaxTextLength(64)
  userId: string;

  @IsIn(USER_ROLES)
  role: UserRole;
}

/** A message's validated `actor`, for message classes to extend or intersect with their own fields. */
export class ActorPart {
  @ValidateNested()
  @Type(() => ActorDto)
  actor: ActorDto;
}

/**
 * The validated outer shape of an {@link ActorMessage}. The actor is checked here; `body` differs
 * per subject, so each handler validates it against its own DTO with `validateMessagePart`.
 * `body` is optional because read-only subjects (`*.get_own`, `*.dashboard.get`) carry none.
 */
export class ActorMessageDto {
  @ValidateNested()
  @Type(() => ActorDto)
  actor: ActorDto;

  @IsOptional()
  @IsObject()
  body?: Record<string, unknown>;
}
