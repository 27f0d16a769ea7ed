import { Body, Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  DoctorSubjects,
  ListUsersQueryDto,
  UserSubjects,
  VerificationQueueQueryDto,
  VerifyDoctorDto,
  type AccountView,
  type DoctorProfileView,
  type Page,
} from '@arogyam/contracts';
import { CurrentUser, JwtAuthGuard, Roles, RolesGuard, type AuthenticatedUser } from '@arogyam/auth';
import { ServiceClient } from '../http/service-client';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin')
@UseGuards(JwtAuthGuard, RolesGuard)
@Roles('admin')
export class AdminController {
  constructor(private readonly services: ServiceClient) {}

  @Get('users')
  users(@Query() query: ListUsersQueryDto): Promise<Page<AccountView>> {
    return this.services.send(UserSubjects.list, query);
  }

  @Get('doctors')
  doctors(@Query() query: VerificationQueueQueryDto): Promise<Page<DoctorProfileView>> {
    return this.services.send(DoctorSubjects.listForReview, query);
  }

  @Post('doctors/:id/verify')
  @HttpCode(200)
  verify(
    @Param('id') doctorId: string,
    @Body() dto: VerifyDoctorDto,
    @CurrentUser() admin: AuthenticatedUser,
  ): Promise<DoctorProfileView> {
    return this.services.send(DoctorSubjects.verify, { doctorId, actorId: admin.userId, ...dto });
  }

  /** The user's live tokens stop working on their next request (status is checked per request). */
  @Post('users/:id/suspend')
  @HttpCode(200)
  suspend(@Param('id') userId: string, @CurrentUser() admin: AuthenticatedUser): Promise<AccountView> {
    return this.services.send(UserSubjects.suspend, { userId, actorId: admin.userId });
  }

  @Post('users/:id/reactivate')
  @HttpCode(200)
  reactivate(@Param('id') userId: string, @CurrentUser() admin: AuthenticatedUser): Promise<AccountView> {
    return this.services.send(UserSubjects.reactivate, { userId, actorId: admin.userId });
  }
}
