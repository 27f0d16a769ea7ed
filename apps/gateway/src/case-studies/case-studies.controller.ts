import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CaseStudyFieldsDto,
  CaseStudySearchQueryDto,
  CaseStudySubjects,
  PageQueryDto,
  type CaseStudySummary,
  type CaseStudyView,
  type Page,
} from '@arogyam/contracts';
import { CurrentUser, JwtAuthGuard, Roles, RolesGuard, type AuthenticatedUser } from '@arogyam/auth';
import { ServiceClient } from '../http/service-client';
import { actorOf } from '../identity/actor';
import { OptionalJwtAuthGuard } from '../identity/optional-jwt-auth.guard';

/**
 * Case studies live in doctor-service, which decides who may see and change each one (drafts are
 * their author's and the admins'); the gateway checks roles and the shape of bodies. `mine` routes
 * are declared before `:id` so that "mine" is never taken for an id.
 */
@ApiTags('case studies')
@Controller()
export class CaseStudiesController {
  constructor(private readonly services: ServiceClient) {}

  @Get('case-studies/mine')
  @UseGuards(JwtAuthGuard, RolesGuard)
  @Roles('doctor')
  @ApiBearerAuth()
  @ApiOperation({ summary: "The doctor's own case studies, every status, last changed first" })
  mine(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: PageQueryDto,
  ): Promise<Page<CaseStudySummary>> {
    return this.services.send(CaseStudySubjects.listOwn, { actor: actorOf(user), query });
  }

  @Post('case-studies/mine')
  @UseGuards(JwtAuthGuard, RolesGuard)
  @Roles('doctor')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Start a case study as a draft' })
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CaseStudyFieldsDto): Promise<CaseStudyView> {
    return this.services.send(CaseStudySubjects.create, { actor: actorOf(user), body });
  }

  @Put('case-studies/mine/:id')
  @UseGuards(JwtAuthGuard, RolesGuard)
  @Roles('doctor')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Save a draft or returned case study whole (409 while in review or published)' })
  update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') caseStudyId: string,
    @Body() body: CaseStudyFieldsDto,
  ): Promise<CaseStudyView> {
    return this.services.send(CaseStudySubjects.update, { actor: actorOf(user), caseStudyId, body });
  }

  @Post('case-studies/mine/:id/submit')
  @HttpCode(200)
  @UseGuards(JwtAuthGuard, RolesGuard)
  @Roles('doctor')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Submit for review; 422 `identifying_details` lists each place that may identify a patient',
  })
  submit(@CurrentUser() user: AuthenticatedUser, @Param('id') caseStudyId: string): Promise<CaseStudyView> {
    return this.services.send(CaseStudySubjects.submit, { actor: actorOf(user), caseStudyId });
  }

  @Get('case-studies')
  @ApiOperation({ summary: 'Published case studies by specialty, tag and words; newest or most read' })
  search(@Query() query: CaseStudySearchQueryDto): Promise<Page<CaseStudySummary>> {
    return this.services.send(CaseStudySubjects.search, { query });
  }

  @Get('case-studies/:id')
  @UseGuards(OptionalJwtAuthGuard)
  @ApiOperation({ summary: 'One case study: published for anyone, otherwise its author and admins (404)' })
  read(@Param('id') caseStudyId: string, @CurrentUser() user?: AuthenticatedUser): Promise<CaseStudyView> {
    return this.services.send(CaseStudySubjects.get, {
      caseStudyId,
      ...(user ? { actor: actorOf(user) } : {}),
    });
  }

  @Get('doctors/:id/case-studies')
  @ApiOperation({ summary: "A verified doctor's published case studies, newest first" })
  forDoctor(@Param('id') doctorId: string, @Query() query: PageQueryDto): Promise<Page<CaseStudySummary>> {
    return this.services.send(CaseStudySubjects.listForDoctor, { doctorId, query });
  }
}
