import type { PrescriptionItem, PrescriptionView } from '@arogyam/contracts';
import {
  dateInZone,
  formatDateTimeInZone,
  drawRule,
  openA4Document,
  writePageFooters,
  writeText,
  type PdfTextOptions,
} from '@arogyam/pdf';

const BRAND = '#0f766e';
const MUTED = '#555555';
const WARNING = '#b91c1c';

/** `prescription-2026-12-01-3f2a9c1b.pdf`: the issue date in the given zone and the start of the id. */
export const pdfFilename = (prescription: PrescriptionView, timeZone: string): string =>
  `prescription-${dateInZone(prescription.issuedAt, timeZone)}-${prescription.id.replace(/[^A-Za-z0-9]/g, '').slice(0, 8)}.pdf`;

const doctorTitle = (fullName: string): string => (/^dr\b/i.test(fullName) ? fullName : `Dr. ${fullName}`);

const itemLine = (item: PrescriptionItem): string =>
  `${item.dose} · ${item.frequency} · for ${item.durationDays} ${item.durationDays === 1 ? 'day' : 'days'}`;

/**
 * The printable prescription: an A4 PDF in Noto Sans (each script in its own family, so names
 * and instructions in Hindi, Tamil, Bengali… print), with real text (not drawn outlines) so that
 * it can be searched, copied and read by screen readers. A superseded
 * version says so at the top, so nobody dispenses from it.
 */
export function renderPrescriptionPdf(prescription: PrescriptionView, timeZone: string): Promise<Buffer> {
  const { doc, bytes } = openA4Document({
    title: `Prescription for ${prescription.patient.fullName}`,
    author: `${doctorTitle(prescription.doctor.fullName)} (Arogyam)`,
    subject: `Prescription ${prescription.id}, version ${prescription.version}`,
    createdAt: new Date(prescription.issuedAt),
  });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const rule = (): void => drawRule(doc);
  /** A paragraph set in by 16 pt, every wrapped line too. */
  const indented = (text: string, color = 'black'): void => {
    doc.fillColor(color);
    writeText(doc, text, { size: 11, at: { x: left + 16, y: doc.y } }, { width: width - 16 });
    doc.fillColor('black');
    doc.x = left;
  };
  const bold = (text: string, size: number, options: PdfTextOptions = {}): void =>
    writeText(doc, text, { size, weight: 'bold' }, options);
  const regular = (text: string, size: number, options: PdfTextOptions = {}): void =>
    writeText(doc, text, { size }, options);

  doc.fillColor(BRAND);
  bold('Arogyam', 24);
  const version =
    prescription.version > 1
      ? `Prescription, version ${prescription.version} (corrects ${prescription.supersedesId})`
      : 'Prescription';
  doc.fillColor(MUTED);
  regular(version, 10);
  if (prescription.supersededById) {
    doc.moveDown(0.5);
    doc.fillColor(WARNING);
    bold(
      `SUPERSEDED by prescription ${prescription.supersededById}. Do not dispense from this version.`,
      11,
      {
        width,
      },
    );
  }
  rule();

  doc.fillColor('black');
  bold(doctorTitle(prescription.doctor.fullName), 13, { width });
  regular(prescription.doctor.specialization, 11);
  regular(`Registration number: ${prescription.doctor.licenseNumber}`, 11);
  doc.moveDown(0.8);
  regular(`Patient: ${prescription.patient.fullName}`, 11, { width });
  regular(`Date: ${formatDateTimeInZone(prescription.issuedAt, timeZone)}`, 11);
  rule();

  bold('Rx', 16);
  doc.moveDown(0.4);
  prescription.items.forEach((item, index) => {
    bold(`${index + 1}. ${item.drug}`, 11, { width });
    indented(itemLine(item));
    if (item.instructions) indented(`Instructions: ${item.instructions}`, MUTED);
    doc.moveDown(0.5);
  });

  if (prescription.advice) {
    doc.moveDown(0.3);
    bold('Advice', 11);
    regular(prescription.advice, 11, { width });
  }
  rule();

  bold(`Verification code: ${prescription.verificationCode}`, 11);
  doc.fillColor(MUTED);
  regular(`Prescription ID: ${prescription.id}`, 9);
  regular(
    'Issued electronically through Arogyam. The verification code confirms this copy against the record.',
    9,
    { width },
  );
  writePageFooters(
    doc,
    `${prescription.patient.fullName} · Verification code ${prescription.verificationCode}`,
    MUTED,
  );
  doc.end();
  return bytes;
}
