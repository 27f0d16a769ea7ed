import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AppointmentsForDayQueryDto,
  AppointmentSubjects,
  type AppointmentView,
  type Page,
} from '@arogyam/contracts';
import { CurrentUser, JwtAuthGuard, Roles, RolesGuard, type AuthenticatedUser } from '@arogyam/auth';
import { ServiceClient } from '../http/service-client';
import { actorOf } from '../identity/actor';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/appointments')
@UseGuards(JwtAuthGuard, RolesGuard)
@Roles('admin')
export class AdminAppointmentsController {
  constructor(private readonly services: ServiceClient) {}

  @Get()
  @ApiOperation({ summary: 'Every appointment of one UTC day, in start order' })
  forDay(
    @CurrentUser() admin: AuthenticatedUser,
    @Query() query: AppointmentsForDayQueryDto,
  ): Promise<Page<AppointmentView>> {
    return this.services.send(AppointmentSubjects.listForDay, { actor: actorOf(admin), query });
  }
}
