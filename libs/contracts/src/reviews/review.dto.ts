import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { trimToUndefined } from '../common/text-transforms';
import { MaxTextLength } from '../common/text-length';

export const MIN_RATING = 1;
export const MAX_RATING = 5;
export const MAX_REVIEW_COMMENT_LENGTH = 2000;

/** `POST /api/appointments/:id/review`: whole stars, and optionally a few words. */
export class SubmitReviewDto {
  @IsInt()
  @Min(MIN_RATING)
  @Max(MAX_RATING)
  rating: number;

  @IsOptional()
  @Transform(trimToUndefined)
  @IsString()
  @MaxTextLength(MAX_REVIEW_COMMENT_LENGTH)
  comment?: string;
}
