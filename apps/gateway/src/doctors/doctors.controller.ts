import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Req,
  Res,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  AppointmentSubjects,
  DOCTOR_AVAILABILITY_WINDOWS,
  DOCTOR_GENDERS,
  DOCTOR_SEARCH_SORTS,
  DoctorSearchQueryDto,
  DoctorSubjects,
  UpdateDoctorProfileDto,
  type DoctorDashboardView,
  type DoctorPublicProfileView,
  type DoctorProfileView,
} from '@arogyam/contracts';
import { CurrentUser, JwtAuthGuard, Roles, RolesGuard, type AuthenticatedUser } from '@arogyam/auth';
import { withAppointmentPart } from '../appointments/appointment-dashboards';
import { ServiceClient } from '../http/service-client';
import { actorOf } from '../identity/actor';
import { OptionalJwtAuthGuard } from '../identity/optional-jwt-auth.guard';
import { DOCTOR_SEARCH_PAGE_SCHEMA } from './doctor-search-page.schema';
import { KeptSearchInterceptor } from './kept-search.interceptor';
import { NextAvailableTimes } from './next-available-times';
import { searchQueryStringOf } from './search-query-string';
import { SentSearchPages } from './sent-search-pages';

/** `me` routes are declared before `:id` so that "me" is never taken for a doctor id. */
@ApiTags('doctors')
@Controller('doctors')
export class DoctorsController {
  constructor(
    private readonly services: ServiceClient,
    private readonly searchPages: SentSearchPages,
    private readonly nextAvailable: NextAvailableTimes,
  ) {}

  @Get('me')
  @UseGuards(JwtAuthGuard, RolesGuard)
  @Roles('doctor')
  @ApiBearerAuth()
  profile(@CurrentUser() user: AuthenticatedUser): Promise<DoctorProfileView> {
    return this.services.send(DoctorSubjects.getOwnProfile, { actor: actorOf(user) });
  }

  @Patch('me')
  @UseGuards(JwtAuthGuard, RolesGuard)
  @Roles('doctor')
  @ApiBearerAuth()
  update(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: UpdateDoctorProfileDto,
  ): Promise<DoctorProfileView> {
    return this.services.send(DoctorSubjects.updateOwnProfile, { actor: actorOf(user), body });
  }

  @Post('me/verification/resubmit')
  @HttpCode(200)
  @UseGuards(JwtAuthGuard, RolesGuard)
  @Roles('doctor')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'A rejected doctor, having fixed their details, asks for review again (409 unless rejected)',
  })
  resubmitVerification(@CurrentUser() user: AuthenticatedUser): Promise<DoctorProfileView> {
    return this.services.send(DoctorSubjects.resubmitVerification, { actor: actorOf(user) });
  }

  @Get('me/dashboard')
  @UseGuards(JwtAuthGuard, RolesGuard)
  @Roles('doctor')
  @ApiBearerAuth()
  dashboard(@CurrentUser() user: AuthenticatedUser): Promise<DoctorDashboardView> {
    const actor = actorOf(user);
    return withAppointmentPart(
      this.services.send<DoctorDashboardView>(DoctorSubjects.dashboard, { actor }),
      this.services.send(AppointmentSubjects.doctorDashboard, { actor }),
    );
  }

  @Get()
  @UseInterceptors(KeptSearchInterceptor)
  @ApiOperation({ summary: 'Search verified, active doctors' })
  @ApiQuery({
    name: 'q',
    required: false,
    description: "A prefix of the doctor's name, or an everyday word for a specialty",
  })
  @ApiQuery({ name: 'specialization', required: false })
  @ApiQuery({
    name: 'city',
    required: false,
    description: 'Other names of a city find it too (Bangalore, Bombay)',
  })
  @ApiQuery({ name: 'language', required: false })
  @ApiQuery({ name: 'minFee', required: false, type: Number, description: 'Lowest fee in paise, inclusive' })
  @ApiQuery({ name: 'maxFee', required: false, type: Number, description: 'Highest fee in paise, inclusive' })
  @ApiQuery({ name: 'gender', required: false, enum: DOCTOR_GENDERS })
  @ApiQuery({
    name: 'available',
    required: false,
    enum: DOCTOR_AVAILABILITY_WINDOWS,
    description: 'A free slot before the end of today, or of the 7 days from today, in `tz`',
  })
  @ApiQuery({ name: 'tz', required: false, description: "The patient's IANA time zone (default UTC)" })
  @ApiQuery({ name: 'sort', required: false, enum: DOCTOR_SEARCH_SORTS, description: 'Default relevance' })
  @ApiQuery({ name: 'page', required: false, type: Number })
  @ApiQuery({ name: 'limit', required: false, type: Number })
  @ApiOkResponse({
    description: 'A page of doctors (gzipped when accepted)',
    schema: DOCTOR_SEARCH_PAGE_SCHEMA,
  })
  async search(
    @Query() query: DoctorSearchQueryDto,
    @Headers('accept-encoding') acceptEncoding: string | undefined,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const page = await this.searchPages.answer(
      query,
      () => this.services.send(DoctorSubjects.search, query),
      searchQueryStringOf(request),
    );
    page.send(acceptEncoding, response);
  }

  @Get(':id')
  @UseGuards(OptionalJwtAuthGuard)
  @ApiOperation({ summary: "A doctor's public profile (404 unless verified; admins see all)" })
  async publicProfile(
    @Param('id') doctorId: string,
    @CurrentUser() user?: AuthenticatedUser,
  ): Promise<DoctorPublicProfileView | DoctorProfileView> {
    const profile = await this.services.send<DoctorPublicProfileView | DoctorProfileView>(
      DoctorSubjects.getPublicProfile,
      { doctorId, ...(user ? { actor: actorOf(user) } : {}) },
    );
    const [withNextAvailable] = await this.nextAvailable.addTo([profile]);
    return withNextAvailable;
  }
}
