import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ActorMessageDto,
  AppointmentReviewMessage,
  DoctorReviewsMessage,
  ReviewSubjects,
  type AppointmentReviewView,
  type Page,
  type ReviewView,
} from '@arogyam/contracts';
import { ReviewsService } from './reviews.service';

@Controller()
export class ReviewsHandler {
  constructor(private readonly reviews: ReviewsService) {}

  @MessagePattern(ReviewSubjects.submit)
  submit(@Payload() message: ActorMessageDto): Promise<AppointmentReviewView> {
    return this.reviews.submit(message.actor, message.body);
  }

  @MessagePattern(ReviewSubjects.getForAppointment)
  forAppointment(@Payload() message: AppointmentReviewMessage): Promise<AppointmentReviewView> {
    return this.reviews.forAppointment(message.actor, message.appointmentId);
  }

  @MessagePattern(ReviewSubjects.listForDoctor)
  forDoctor(@Payload() message: DoctorReviewsMessage): Promise<Page<ReviewView>> {
    return this.reviews.forDoctor(message.doctorId, message.query);
  }
}
