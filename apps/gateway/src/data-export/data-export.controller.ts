import {
  ConflictException,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  StreamableFile,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataExportSubjects, type DataExportView } from '@arogyam/contracts';
import { CurrentUser, JwtAuthGuard, Roles, RolesGuard, type AuthenticatedUser } from '@arogyam/auth';
import { ServiceClient } from '../http/service-client';
import { actorOf } from '../identity/actor';
import { PrivateFile } from '../files/private-file';
import { attachedFile } from '../files/file-transfer';
import { DataExportFileStore } from './data-export-file-store';

/**
 * "Download my data": the patient starts an export, follows its progress and downloads the
 * archive. patient-service builds it and says whose it is; the gateway streams the bytes.
 */
@ApiTags('data export')
@ApiBearerAuth()
@Controller('patients/me/data-export')
@UseGuards(JwtAuthGuard, RolesGuard)
@Roles('patient')
export class DataExportController {
  constructor(
    private readonly services: ServiceClient,
    private readonly files: DataExportFileStore,
  ) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({ summary: 'Start an export of all my data (or see the one already running)' })
  start(@CurrentUser() user: AuthenticatedUser): Promise<DataExportView> {
    return this.services.send(DataExportSubjects.start, { actor: actorOf(user) });
  }

  @Get()
  @ApiOperation({ summary: 'My latest data export and its progress' })
  latest(@CurrentUser() user: AuthenticatedUser): Promise<DataExportView> {
    return this.services.send(DataExportSubjects.get, { actor: actorOf(user) });
  }

  @Get(':id')
  @ApiOperation({ summary: 'One of my data exports and its progress' })
  get(@CurrentUser() user: AuthenticatedUser, @Param('id') exportId: string): Promise<DataExportView> {
    return this.services.send(DataExportSubjects.get, { actor: actorOf(user), exportId });
  }

  @Get(':id/download')
  @PrivateFile('application/zip')
  @ApiOperation({ summary: 'The archive of a ready export (a zip)' })
  async download(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') exportId: string,
  ): Promise<StreamableFile> {
    const view = await this.services.send<DataExportView>(DataExportSubjects.get, {
      actor: actorOf(user),
      exportId,
    });
    if (view.status !== 'ready' || !view.fileName)
      throw new ConflictException(
        view.status === 'expired'
          ? 'This export has expired. Start a new one.'
          : 'This export is not ready to download.',
      );
    return attachedFile(
      await this.files.archive(exportId),
      { contentType: 'application/zip', fileName: view.fileName },
      'This export is no longer available. Start a new one.',
    );
  }
}
