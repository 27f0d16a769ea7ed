import { Injectable } from '@nestjs/common';
import type { Actor, PrescriptionPdf } from '@arogyam/contracts';
import { currentRequestLanguage } from '@arogyam/service-kit';
import { PrescriptionServiceConfig } from '../config/prescription-service.config';
import { PrescriptionsService } from '../prescriptions/prescriptions.service';
import { pdfFilename, renderPrescriptionPdf } from './prescription-pdf';

@Injectable()
export class PrescriptionPdfService {
  constructor(
    private readonly prescriptions: PrescriptionsService,
    private readonly config: PrescriptionServiceConfig,
  ) {}

  /** The same access as the JSON view (its patient, its doctor; 404 for anyone else). */
  async render(actor: Actor, prescriptionId: string): Promise<PrescriptionPdf> {
    const prescription = await this.prescriptions.get(actor, prescriptionId, 'prescription_pdf');
    // The labels in the language of the app that asked (the gateway passes it).
    const pdf = await renderPrescriptionPdf(
      prescription,
      this.config.PDF_TIME_ZONE,
      currentRequestLanguage(),
    );
    return {
      filename: pdfFilename(prescription, this.config.PDF_TIME_ZONE),
      contentBase64: pdf.toString('base64'),
    };
  }
}
