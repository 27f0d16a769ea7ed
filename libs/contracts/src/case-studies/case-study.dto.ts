import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Matches, ValidateNested } from 'class-validator';
import { PageQueryDto } from '../common/page';
import { MaxTextLength, MinTextLength } from '../common/text-length';
import { trimToUndefined } from '../common/text-transforms';
import {
  CASE_STUDY_CAPTION_MAX,
  CASE_STUDY_COMMENTS_MAX,
  CASE_STUDY_IMAGE_MAX_LENGTH,
  CASE_STUDY_IMAGE_PATTERN,
  CASE_STUDY_IMAGES_MAX,
  CASE_STUDY_SORTS,
  CASE_STUDY_TAG_MAX,
  CASE_STUDY_TAGS_MAX,
  CASE_STUDY_TEXT_MAX,
  CASE_STUDY_TITLE_MAX,
  type CaseStudySort,
} from './case-study-limits';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

/** A tag is compared as written lower-case with single spaces: "Type 2  Diabetes" is "type 2 diabetes". */
export const tagKey = (tag: string): string => tag.trim().replace(/\s+/g, ' ').toLowerCase();

/** Tags as keys, blanks and repeats dropped; anything not a list of texts is left for the validators. */
const tagKeys = ({ value }: { value: unknown }): unknown =>
  Array.isArray(value) && value.every((tag) => typeof tag === 'string')
    ? [...new Set(value.map(tagKey).filter((tag) => tag !== ''))]
    : value;

export class CaseStudyImageDto {
  @IsString()
  @MaxTextLength(CASE_STUDY_IMAGE_MAX_LENGTH, {
    message: `an image must be at most ${CASE_STUDY_IMAGE_MAX_LENGTH} characters as a data URL (about 14 kB)`,
  })
  @Matches(CASE_STUDY_IMAGE_PATTERN, { message: 'must be a base64 data URL of a PNG, JPEG or WebP image' })
  dataUrl: string;

  /** What the image shows, for readers who cannot see it (its alt text). */
  @Transform(trim)
  @IsString()
  @MinTextLength(1)
  @MaxTextLength(CASE_STUDY_CAPTION_MAX)
  caption: string;
}

const CaseText = (): PropertyDecorator => (target, key) => {
  IsOptional()(target, key);
  Transform(trim)(target, key);
  IsString()(target, key);
  MaxTextLength(CASE_STUDY_TEXT_MAX)(target, key);
};

/**
 * A case as the author writes it (`POST`/`PUT /api/case-studies/mine`): every save sends the
 * whole case. A draft may leave texts empty; submitting needs them (CASE_STUDY_REQUIRED_TO_SUBMIT).
 */
export class CaseStudyFieldsDto {
  @Transform(trim)
  @IsString()
  @MinTextLength(3)
  @MaxTextLength(CASE_STUDY_TITLE_MAX)
  title: string;

  @Transform(trim)
  @IsString()
  @MinTextLength(2)
  @MaxTextLength(80)
  specialty: string;

  @IsOptional()
  @Transform(tagKeys)
  @IsArray()
  @ArrayMaxSize(CASE_STUDY_TAGS_MAX)
  @IsString({ each: true })
  @MaxTextLength(CASE_STUDY_TAG_MAX, { each: true })
  tags?: string[];

  @CaseText() presentation?: string;
  @CaseText() investigations?: string;
  @CaseText() diagnosis?: string;
  @CaseText() treatment?: string;
  @CaseText() outcome?: string;
  @CaseText() learningPoints?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(CASE_STUDY_IMAGES_MAX)
  @ValidateNested({ each: true })
  @Type(() => CaseStudyImageDto)
  images?: CaseStudyImageDto[];
}

/** `POST /api/admin/case-studies/:id/return`: what the author must change. */
export class ReturnCaseStudyDto {
  @Transform(trim)
  @IsString()
  @MinTextLength(3)
  @MaxTextLength(CASE_STUDY_COMMENTS_MAX)
  comments: string;
}

/** `GET /api/case-studies`: published cases. */
export class CaseStudySearchQueryDto extends PageQueryDto {
  @IsOptional()
  @Transform(trimToUndefined)
  @IsString()
  @MaxTextLength(80)
  specialty?: string;

  @IsOptional()
  @Transform(trimToUndefined)
  @IsString()
  @MaxTextLength(CASE_STUDY_TAG_MAX)
  tag?: string;

  /** Words of the title or tags; each matches words starting with it. */
  @IsOptional()
  @Transform(trimToUndefined)
  @IsString()
  @MaxTextLength(100)
  q?: string;

  @IsOptional()
  @IsIn(CASE_STUDY_SORTS)
  sort?: CaseStudySort;
}

/** What admins list: cases that have been submitted at least once (drafts are their authors' own). */
export const REVIEWED_CASE_STUDY_STATUSES = ['submitted', 'returned', 'published'] as const;

/** `GET /api/admin/case-studies`: the review queue, submitted cases by default. */
export class CaseStudyReviewQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(REVIEWED_CASE_STUDY_STATUSES)
  status?: (typeof REVIEWED_CASE_STUDY_STATUSES)[number];
}
