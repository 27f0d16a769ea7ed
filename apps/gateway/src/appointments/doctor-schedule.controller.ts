import { Body, Controller, Get, Headers, Param, Put, Query, Res, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AppointmentQueueQueryDto,
  AppointmentSubjects,
  SetAvailabilityDto,
  SlotQueryDto,
  type AppointmentQueueView,
  type AvailabilityView,
  type SlotListView,
} from '@arogyam/contracts';
import { CurrentUser, JwtAuthGuard, Roles, RolesGuard, type AuthenticatedUser } from '@arogyam/auth';
import { ServiceClient } from '../http/service-client';
import { actorOf } from '../identity/actor';
import { QueuePayments } from './queue-payments';
import { SlotListingCache } from './slot-listing-cache';

/**
 * The schedule side of `/doctors`, served by appointment-service. As in DoctorsController, the
 * `me` routes are declared before the `:id` ones so that "me" is never taken for a doctor id.
 */
@ApiTags('doctors')
@Controller('doctors')
export class DoctorScheduleController {
  constructor(
    private readonly services: ServiceClient,
    private readonly slotListings: SlotListingCache,
    private readonly queuePayments: QueuePayments,
  ) {}

  @Put('me/availability')
  @UseGuards(JwtAuthGuard, RolesGuard)
  @Roles('doctor')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Replace your weekly working hours' })
  setAvailability(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: SetAvailabilityDto,
  ): Promise<AvailabilityView> {
    return this.services.send(AppointmentSubjects.setAvailability, { actor: actorOf(user), body });
  }

  @Get('me/availability')
  @UseGuards(JwtAuthGuard, RolesGuard)
  @Roles('doctor')
  @ApiBearerAuth()
  ownAvailability(@CurrentUser() user: AuthenticatedUser): Promise<AvailabilityView> {
    return this.services.send(AppointmentSubjects.getAvailability, { doctorId: user.userId });
  }

  @Get('me/queue')
  @UseGuards(JwtAuthGuard, RolesGuard)
  @Roles('doctor')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'A day of your appointments (in your time zone), in order' })
  async queue(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: AppointmentQueueQueryDto,
  ): Promise<AppointmentQueueView> {
    const actor = actorOf(user);
    const queue = await this.services.send<AppointmentQueueView>(AppointmentSubjects.queue, {
      actor,
      date: query.date,
    });
    return this.queuePayments.addTo(actor, queue);
  }

  @Get(':id/availability')
  availability(@Param('id') doctorId: string): Promise<AvailabilityView> {
    return this.services.send(AppointmentSubjects.getAvailability, { doctorId });
  }

  @Get(':id/slots')
  @ApiOperation({ summary: "A doctor's slots between two instants (at most 31 days)" })
  @ApiOkResponse({ description: '`{slots: [{startAt, endAt, available}]}` in start order' })
  async slots(
    @Param('id') doctorId: string,
    @Query() query: SlotQueryDto,
    @Headers('accept-encoding') acceptEncoding: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const listing = await this.slotListings.answer(doctorId, query, () =>
      this.services.send<SlotListView>(AppointmentSubjects.listSlots, { doctorId, ...query }),
    );
    listing.send(acceptEncoding, response);
  }
}
