import { IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { ActorDto } from '../common/actor-message.dto';
import { PageQueryDto } from '../common/page';
import { AppointmentRefDto } from '../appointments/appointment.dto';
import { DoctorIdMessage } from '../doctors/doctor-messages';
import { SubmitReviewDto } from './review.dto';

/** The body of `doctor.review.submit` (`{actor, body}`, validated by doctor-service). */
export class SubmitReviewBody extends IntersectionType(AppointmentRefDto, SubmitReviewDto) {}

/** `doctor.review.get_for_appointment`. */
export class AppointmentReviewMessage extends AppointmentRefDto {
  @ValidateNested()
  @Type(() => ActorDto)
  actor: ActorDto;
}

/** `GET /api/doctors/:id/reviews`. */
export class DoctorReviewsQueryDto extends PageQueryDto {}

/** `doctor.review.list`. */
export class DoctorReviewsMessage extends DoctorIdMessage {
  @IsOptional()
  @ValidateNested()
  @Type(() => DoctorReviewsQueryDto)
  query?: DoctorReviewsQueryDto;
}
