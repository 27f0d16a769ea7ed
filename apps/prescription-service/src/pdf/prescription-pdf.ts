import { LOCALES, type Language, type PrescriptionItem, type PrescriptionView } from '@arogyam/contracts';
import {
  dateInZone,
  formatDateTimeInZone,
  drawRule,
  openA4Document,
  writePageFooters,
  writeText,
  type PdfTextOptions,
} from '@arogyam/pdf';
import { translatorFor, type Translate } from '@arogyam/service-kit';
import { HINDI } from './hi';

const BRAND = '#0f766e';
const MUTED = '#555555';
const WARNING = '#b91c1c';

/** `prescription-2026-12-01-3f2a9c1b.pdf`: the issue date in the given zone and the start of the id. */
export const pdfFilename = (prescription: PrescriptionView, timeZone: string): string =>
  `prescription-${dateInZone(prescription.issuedAt, timeZone)}-${prescription.id.replace(/[^A-Za-z0-9]/g, '').slice(0, 8)}.pdf`;

/** `Dr. Meera Iyer` in every language, as the apps write it. */
const doctorTitle = (fullName: string): string => (/^dr\b/i.test(fullName) ? fullName : `Dr. ${fullName}`);

/** Dose and frequency as the doctor wrote them; only "for N days" is ours to translate. */
const itemLine = (item: PrescriptionItem, t: Translate): string => {
  const days =
    item.durationDays === 1 ? t('for 1 day') : t('for {{count}} days', { count: item.durationDays });
  return `${item.dose} · ${item.frequency} · ${days}`;
};

/**
 * The printable prescription: an A4 PDF in Noto Sans (each script in its own family, so names
 * and instructions in Hindi, Tamil, Bengali… print), with real text (not drawn outlines) so that
 * it can be searched, copied and read by screen readers. A superseded
 * version says so at the top, so nobody dispenses from it. The labels are in the requester's
 * language; what the doctor wrote (medicines, doses, instructions, advice) stays as written.
 */
export function renderPrescriptionPdf(
  prescription: PrescriptionView,
  timeZone: string,
  language: Language,
): Promise<Buffer> {
  const t = translatorFor(language, { hi: HINDI });
  const doctor = doctorTitle(prescription.doctor.fullName);
  const { doc, bytes } = openA4Document({
    title: t('Prescription for {{patient}}', { patient: prescription.patient.fullName }),
    author: t('{{doctor}} (Arogyam)', { doctor }),
    subject: t('Prescription {{id}}, version {{version}}', {
      id: prescription.id,
      version: prescription.version,
    }),
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
  bold(t('Arogyam'), 24);
  const version =
    prescription.version > 1
      ? t('Prescription, version {{version}} (corrects {{id}})', {
          version: prescription.version,
          id: prescription.supersedesId ?? '',
        })
      : t('Prescription');
  doc.fillColor(MUTED);
  regular(version, 10);
  if (prescription.supersededById) {
    doc.moveDown(0.5);
    doc.fillColor(WARNING);
    bold(
      t('SUPERSEDED by prescription {{id}}. Do not dispense from this version.', {
        id: prescription.supersededById,
      }),
      11,
      {
        width,
      },
    );
  }
  rule();

  doc.fillColor('black');
  bold(doctor, 13, { width });
  regular(prescription.doctor.specialization, 11);
  regular(t('Registration number: {{number}}', { number: prescription.doctor.licenseNumber }), 11);
  doc.moveDown(0.8);
  regular(t('Patient: {{patient}}', { patient: prescription.patient.fullName }), 11, { width });
  regular(
    t('Date: {{date}}', { date: formatDateTimeInZone(prescription.issuedAt, timeZone, LOCALES[language]) }),
    11,
  );
  rule();

  bold('Rx', 16);
  doc.moveDown(0.4);
  prescription.items.forEach((item, index) => {
    bold(`${index + 1}. ${item.drug}`, 11, { width });
    indented(itemLine(item, t));
    if (item.instructions)
      indented(t('Instructions: {{instructions}}', { instructions: item.instructions }), MUTED);
    doc.moveDown(0.5);
  });

  if (prescription.advice) {
    doc.moveDown(0.3);
    bold(t('Advice'), 11);
    regular(prescription.advice, 11, { width });
  }
  rule();

  bold(t('Verification code: {{code}}', { code: prescription.verificationCode }), 11);
  doc.fillColor(MUTED);
  regular(t('Prescription ID: {{id}}', { id: prescription.id }), 9);
  regular(
    t('Issued electronically through Arogyam. The verification code confirms this copy against the record.'),
    9,
    { width },
  );
  writePageFooters(
    doc,
    t('{{patient}} · Verification code {{code}}', {
      patient: prescription.patient.fullName,
      code: prescription.verificationCode,
    }),
    MUTED,
    (page, pages) => t('Page {{page}} of {{pages}}', { page, pages }),
  );
  doc.end();
  return bytes;
}
