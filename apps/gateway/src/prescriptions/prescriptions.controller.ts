import { Body, Controller, Get, Param, Post, Query, StreamableFile, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  IssuePrescriptionDto,
  ListPrescriptionsQueryDto,
  PrescriptionSubjects,
  type Page,
  type PrescriptionPdf,
  type PrescriptionView,
} from '@arogyam/contracts';
import { CurrentUser, JwtAuthGuard, Roles, RolesGuard, type AuthenticatedUser } from '@arogyam/auth';
import { ServiceClient } from '../http/service-client';
import { actorOf } from '../identity/actor';
import { PrivateFile } from '../files/private-file';

/** Who may see which prescription is prescription-service's decision; the gateway passes the caller. */
@ApiTags('prescriptions')
@ApiBearerAuth()
@Controller('prescriptions')
@UseGuards(JwtAuthGuard, RolesGuard)
@Roles('patient', 'doctor')
export class PrescriptionsController {
  constructor(private readonly services: ServiceClient) {}

  @Post()
  @Roles('doctor')
  @ApiOperation({
    summary: "Issue a prescription (the appointment's doctor, during or after the consultation)",
  })
  issue(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: IssuePrescriptionDto,
  ): Promise<PrescriptionView> {
    return this.services.send(PrescriptionSubjects.issue, { actor: actorOf(user), body });
  }

  @Get()
  @ApiOperation({ summary: "A patient's own prescriptions, or those the doctor issued, newest first" })
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ListPrescriptionsQueryDto,
  ): Promise<Page<PrescriptionView>> {
    return this.services.send(PrescriptionSubjects.list, { actor: actorOf(user), query });
  }

  @Get(':id')
  get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') prescriptionId: string,
  ): Promise<PrescriptionView> {
    return this.services.send(PrescriptionSubjects.get, { actor: actorOf(user), prescriptionId });
  }

  @Get(':id/pdf')
  @PrivateFile('application/pdf')
  @ApiOperation({ summary: 'The prescription as an A4 PDF download' })
  async pdf(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') prescriptionId: string,
  ): Promise<StreamableFile> {
    const pdf = await this.services.send<PrescriptionPdf>(PrescriptionSubjects.pdf, {
      actor: actorOf(user),
      prescriptionId,
    });
    const bytes = Buffer.from(pdf.contentBase64, 'base64');
    return new StreamableFile(bytes, {
      type: 'application/pdf',
      disposition: `attachment; filename="${pdf.filename}"`,
      length: bytes.length,
    });
  }
}
