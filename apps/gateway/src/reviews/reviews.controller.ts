import { Body, Controller, Get, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  DoctorReviewsQueryDto,
  ReviewSubjects,
  SubmitReviewDto,
  type AppointmentReviewView,
  type Page,
  type ReviewView,
} from '@arogyam/contracts';
import { CurrentUser, JwtAuthGuard, Roles, RolesGuard, type AuthenticatedUser } from '@arogyam/auth';
import { ServiceClient } from '../http/service-client';
import { actorOf } from '../identity/actor';

/**
 * Reviews live in doctor-service. Whether the caller is the appointment's patient, and whether it
 * is completed, is decided there (with appointment-service); the gateway checks only the role.
 */
@ApiTags('reviews')
@Controller()
export class ReviewsController {
  constructor(private readonly services: ServiceClient) {}

  @Post('appointments/:id/review')
  @UseGuards(JwtAuthGuard, RolesGuard)
  @Roles('patient')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Review a completed appointment, once (409 already reviewed, 422 not completed)',
  })
  submit(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') appointmentId: string,
    @Body() body: SubmitReviewDto,
  ): Promise<AppointmentReviewView> {
    return this.services.send(ReviewSubjects.submit, {
      actor: actorOf(user),
      body: { ...body, appointmentId },
    });
  }

  @Get('appointments/:id/review')
  @UseGuards(JwtAuthGuard, RolesGuard)
  @Roles('patient', 'doctor')
  @ApiBearerAuth()
  @ApiOperation({ summary: "The appointment's review, for its patient or doctor (404 if none)" })
  forAppointment(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') appointmentId: string,
  ): Promise<AppointmentReviewView> {
    return this.services.send(ReviewSubjects.getForAppointment, { actor: actorOf(user), appointmentId });
  }

  @Get('doctors/:id/reviews')
  @ApiOperation({ summary: "A verified doctor's reviews, newest first (404 unless verified and active)" })
  forDoctor(@Param('id') doctorId: string, @Query() query: DoctorReviewsQueryDto): Promise<Page<ReviewView>> {
    return this.services.send(ReviewSubjects.listForDoctor, { doctorId, query });
  }
}
