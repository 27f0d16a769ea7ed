import { randomUUID } from 'node:crypto';
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  StreamableFile,
  UploadedFile,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  HEALTH_RECORD_CONTENT_TYPES,
  HealthRecordFieldsDto,
  HealthRecordSubjects,
  MAX_HEALTH_RECORD_BYTES,
  PageQueryDto,
  RecordSharingDto,
  healthRecordObjectName,
  type Actor,
  type CreateHealthRecordMessage,
  type HealthRecordFileAnswer,
  type HealthRecordView,
  type Page,
} from '@arogyam/contracts';
import { CurrentUser, JwtAuthGuard, Roles, RolesGuard, type AuthenticatedUser } from '@arogyam/auth';
import { Budget, UserBudgetGuard } from '../http/throttling/user-budget';
import { ServiceClient } from '../http/service-client';
import { actorOf } from '../identity/actor';
import { HealthRecordFileStore } from './health-record-file-store';
import { attachedFile, checkedUpload, type UploadedBytes } from '../files/file-transfer';
import { PrivateFile } from '../files/private-file';

const UPLOAD = FileInterceptor('file', {
  limits: { fileSize: MAX_HEALTH_RECORD_BYTES, files: 1, fields: 10 },
  // File names from phones are often not Latin-1 (multer's default reading).
  defParamCharset: 'utf8',
});

/**
 * Health records: the patient uploads (multipart, the file beside the fields), lists, downloads
 * and deletes their own; the doctor of an appointment lists and downloads those its patient shares.
 * patient-service decides who may see what; the gateway moves the bytes (HealthRecordFileStore).
 */
@ApiTags('health records')
@ApiBearerAuth()
@Controller()
@UseGuards(JwtAuthGuard, RolesGuard)
export class HealthRecordsController {
  constructor(
    private readonly services: ServiceClient,
    private readonly files: HealthRecordFileStore,
  ) {}

  @Post('patients/me/health-records')
  @UseGuards(UserBudgetGuard)
  @Budget('uploads')
  @Roles('patient')
  @UseInterceptors(UPLOAD)
  @ApiConsumes('multipart/form-data')
  @ApiOperation({ summary: 'Upload a health record: a PDF, JPEG, PNG or WebP file of up to 10 MB' })
  async upload(
    @CurrentUser() user: AuthenticatedUser,
    @Body() fields: HealthRecordFieldsDto,
    @UploadedFile() upload: UploadedBytes | undefined,
  ): Promise<HealthRecordView> {
    const { bytes, file } = checkedUpload(upload, 'record');
    const recordId = randomUUID();
    const actor = actorOf(user);
    // Noted before the file goes in, so one that never becomes a record is found and deleted
    // (patient-service, health-records/upload-sweep.ts).
    await this.services.send(HealthRecordSubjects.reserve, { actor, recordId });
    const message: CreateHealthRecordMessage = { actor, recordId, fields, file };
    return this.files.putThenRecord(healthRecordObjectName(recordId), bytes, () =>
      this.services.send<HealthRecordView>(HealthRecordSubjects.create, message),
    );
  }

  @Get('patients/me/health-records')
  @Roles('patient')
  @ApiOperation({ summary: "The patient's own health records, newest first" })
  listOwn(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: PageQueryDto,
  ): Promise<Page<HealthRecordView>> {
    return this.services.send(HealthRecordSubjects.listOwn, { actor: actorOf(user), query });
  }

  @Get('patients/me/health-records/:id/file')
  @Roles('patient')
  @PrivateFile(...HEALTH_RECORD_CONTENT_TYPES)
  ownFile(@CurrentUser() user: AuthenticatedUser, @Param('id') recordId: string): Promise<StreamableFile> {
    return this.download({ actor: actorOf(user), recordId });
  }

  @Patch('patients/me/health-records/:id/sharing')
  @Roles('patient')
  @ApiOperation({
    summary:
      'Who may see the record: nobody, all my doctors, or chosen doctors (a revoke holds from the next read)',
  })
  setSharing(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') recordId: string,
    @Body() sharing: RecordSharingDto,
  ): Promise<HealthRecordView> {
    return this.services.send(HealthRecordSubjects.setSharing, { actor: actorOf(user), recordId, sharing });
  }

  @Delete('patients/me/health-records/:id')
  @Roles('patient')
  @HttpCode(204)
  async remove(@CurrentUser() user: AuthenticatedUser, @Param('id') recordId: string): Promise<void> {
    await this.services.send(HealthRecordSubjects.delete, { actor: actorOf(user), recordId });
  }

  @Get('appointments/:id/health-records')
  @Roles('doctor')
  @ApiOperation({
    summary:
      "The appointment's doctor: its patient's records shared with them, as far as the care relationship allows",
  })
  listForAppointment(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') appointmentId: string,
  ): Promise<Page<HealthRecordView>> {
    return this.services.send(HealthRecordSubjects.listForAppointment, {
      actor: actorOf(user),
      appointmentId,
    });
  }

  @Get('appointments/:id/health-records/:recordId/file')
  @Roles('doctor')
  @PrivateFile(...HEALTH_RECORD_CONTENT_TYPES)
  sharedFile(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') appointmentId: string,
    @Param('recordId') recordId: string,
  ): Promise<StreamableFile> {
    return this.download({ actor: actorOf(user), recordId, appointmentId });
  }

  private async download(message: {
    actor: Actor;
    recordId: string;
    appointmentId?: string;
  }): Promise<StreamableFile> {
    const { record, objectName } = await this.services.send<HealthRecordFileAnswer>(
      HealthRecordSubjects.get,
      message,
    );
    return attachedFile(
      await this.files.read(objectName),
      record,
      'The file of this health record is missing.',
    );
  }
}
