import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AddDoctorDocumentMessage,
  DoctorDocumentMessage,
  DoctorSubjects,
  type DoctorDocumentFileAnswer,
  type DoctorProfileView,
} from '@arogyam/contracts';
import { DoctorDocumentsService } from './doctor-documents.service';

@Controller()
export class DoctorDocumentsHandler {
  constructor(private readonly documents: DoctorDocumentsService) {}

  @MessagePattern(DoctorSubjects.reserveDocument)
  reserve(@Payload() message: DoctorDocumentMessage): Promise<{ reserved: true }> {
    return this.documents.reserve(message);
  }

  @MessagePattern(DoctorSubjects.addDocument)
  add(@Payload() message: AddDoctorDocumentMessage): Promise<DoctorProfileView> {
    return this.documents.add(message);
  }

  @MessagePattern(DoctorSubjects.removeDocument)
  remove(@Payload() message: DoctorDocumentMessage): Promise<DoctorProfileView> {
    return this.documents.remove(message);
  }

  @MessagePattern(DoctorSubjects.documentFile)
  file(@Payload() message: DoctorDocumentMessage): Promise<DoctorDocumentFileAnswer> {
    return this.documents.file(message);
  }
}
