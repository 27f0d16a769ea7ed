import { randomUUID } from 'node:crypto';
import {
  Controller,
  Delete,
  Get,
  Param,
  Post,
  StreamableFile,
  UploadedFile,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  DOCTOR_DOCUMENT_CONTENT_TYPES,
  DoctorSubjects,
  MAX_DOCTOR_DOCUMENT_BYTES,
  doctorDocumentObjectName,
  type AddDoctorDocumentMessage,
  type DoctorDocumentFileAnswer,
  type DoctorDocumentMessage,
  type DoctorProfileView,
} from '@arogyam/contracts';
import { CurrentUser, JwtAuthGuard, Roles, RolesGuard, type AuthenticatedUser } from '@arogyam/auth';
import { attachedFile, checkedUpload, type UploadedBytes } from '../files/file-transfer';
import { PrivateFile } from '../files/private-file';
import { Budget, UserBudgetGuard } from '../http/throttling/user-budget';
import { ServiceClient } from '../http/service-client';
import { actorOf } from '../identity/actor';
import { DoctorDocumentStore } from './doctor-document-store';

const UPLOAD = FileInterceptor('file', {
  limits: { fileSize: MAX_DOCTOR_DOCUMENT_BYTES, files: 1, fields: 2 },
  defParamCharset: 'utf8',
});

/**
 * A doctor's verification documents (registration certificate, degree): the doctor uploads,
 * reads and removes their own; an admin reads any doctor's while verifying them. doctor-service
 * keeps the list and decides who may read what; the gateway moves the bytes (DoctorDocumentStore).
 */
@ApiTags('doctors')
@ApiBearerAuth()
@Controller()
@UseGuards(JwtAuthGuard, RolesGuard)
export class DoctorDocumentsController {
  constructor(
    private readonly services: ServiceClient,
    private readonly files: DoctorDocumentStore,
  ) {}

  @Post('doctors/me/documents')
  @UseGuards(UserBudgetGuard)
  @Budget('uploads')
  @Roles('doctor')
  @UseInterceptors(UPLOAD)
  @ApiConsumes('multipart/form-data')
  @ApiOperation({ summary: 'Upload a verification document: a PDF, JPEG, PNG or WebP file of up to 5 MB' })
  async upload(
    @CurrentUser() user: AuthenticatedUser,
    @UploadedFile() upload: UploadedBytes | undefined,
  ): Promise<DoctorProfileView> {
    const { bytes, file } = checkedUpload(upload, 'document');
    const documentId = randomUUID();
    const actor = actorOf(user);
    // Noted before the file goes in, so one that never reaches the profile is found and deleted
    // (doctor-service, documents/document-upload-sweep.ts).
    await this.services.send(DoctorSubjects.reserveDocument, { actor, documentId });
    const message: AddDoctorDocumentMessage = { actor, documentId, file };
    return this.files.putThenRecord(doctorDocumentObjectName(user.userId, documentId), bytes, () =>
      this.services.send<DoctorProfileView>(DoctorSubjects.addDocument, message),
    );
  }

  @Delete('doctors/me/documents/:documentId')
  @Roles('doctor')
  @ApiOperation({ summary: 'Remove one of your verification documents; answers your profile' })
  remove(
    @CurrentUser() user: AuthenticatedUser,
    @Param('documentId') documentId: string,
  ): Promise<DoctorProfileView> {
    // doctor-service deletes the file too, once the profile no longer lists it.
    const message: DoctorDocumentMessage = { actor: actorOf(user), documentId };
    return this.services.send<DoctorProfileView>(DoctorSubjects.removeDocument, message);
  }

  @Get('doctors/me/documents/:documentId/file')
  @Roles('doctor')
  @PrivateFile(...DOCTOR_DOCUMENT_CONTENT_TYPES)
  ownFile(
    @CurrentUser() user: AuthenticatedUser,
    @Param('documentId') documentId: string,
  ): Promise<StreamableFile> {
    return this.download({ actor: actorOf(user), documentId });
  }

  @Get('admin/doctors/:id/documents/:documentId/file')
  @Roles('admin')
  @PrivateFile(...DOCTOR_DOCUMENT_CONTENT_TYPES)
  adminFile(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') doctorId: string,
    @Param('documentId') documentId: string,
  ): Promise<StreamableFile> {
    return this.download({ actor: actorOf(user), doctorId, documentId });
  }

  private async download(message: DoctorDocumentMessage): Promise<StreamableFile> {
    const { document, objectName } = await this.services.send<DoctorDocumentFileAnswer>(
      DoctorSubjects.documentFile,
      message,
    );
    return attachedFile(await this.files.read(objectName), document, 'The file of this document is missing.');
  }
}
