import { Body, Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CaseStudyReviewQueryDto,
  CaseStudySubjects,
  ReturnCaseStudyDto,
  type CaseStudySummary,
  type CaseStudyView,
  type Page,
} from '@arogyam/contracts';
import { CurrentUser, JwtAuthGuard, Roles, RolesGuard, type AuthenticatedUser } from '@arogyam/auth';
import { ServiceClient } from '../http/service-client';
import { actorOf } from '../identity/actor';

/** The case study review queue; doctor-service checks the admin role again. */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/case-studies')
@UseGuards(JwtAuthGuard, RolesGuard)
@Roles('admin')
export class AdminCaseStudiesController {
  constructor(private readonly services: ServiceClient) {}

  @Get()
  @ApiOperation({ summary: 'Case studies of one status (submitted by default), oldest submission first' })
  queue(
    @CurrentUser() admin: AuthenticatedUser,
    @Query() query: CaseStudyReviewQueryDto,
  ): Promise<Page<CaseStudySummary>> {
    return this.services.send(CaseStudySubjects.listForReview, { actor: actorOf(admin), query });
  }

  @Post(':id/approve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Publish a submitted case study (409 unless submitted)' })
  approve(@CurrentUser() admin: AuthenticatedUser, @Param('id') caseStudyId: string): Promise<CaseStudyView> {
    return this.services.send(CaseStudySubjects.approve, { actor: actorOf(admin), caseStudyId });
  }

  @Post(':id/return')
  @HttpCode(200)
  @ApiOperation({ summary: 'Return a submitted case study to its author with comments' })
  return(
    @CurrentUser() admin: AuthenticatedUser,
    @Param('id') caseStudyId: string,
    @Body() body: ReturnCaseStudyDto,
  ): Promise<CaseStudyView> {
    return this.services.send(CaseStudySubjects.return, { actor: actorOf(admin), caseStudyId, body });
  }
}
