import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { PrescriptionIdMessage, PrescriptionSubjects, type PrescriptionPdf } from '@arogyam/contracts';
import { PrescriptionPdfService } from './prescription-pdf.service';

@Controller()
export class PrescriptionPdfHandler {
  constructor(private readonly pdf: PrescriptionPdfService) {}

  @MessagePattern(PrescriptionSubjects.pdf)
  render(@Payload() message: PrescriptionIdMessage): Promise<PrescriptionPdf> {
    return this.pdf.render(message.actor, message.prescriptionId);
  }
}
