import {
  LOCALES,
  type AppointmentMode,
  type AppointmentView,
  type Language,
  type Money,
  type PaymentProviderName,
  type RefundKind,
} from '@arogyam/contracts';
import {
  dateInZone,
  drawRule,
  formatDateTimeInZone,
  openA4Document,
  writePageFooters,
  writeText,
} from '@arogyam/pdf';
import { translatorFor } from '@arogyam/service-kit';
import { HINDI } from './hi';
import type { StoredPayment } from '../payments/payment.schema';

const BRAND = '#0f766e';
const MUTED = '#555555';

/** What a receipt is for: the payment itself, or one refund of it. */
export type ReceiptSubject =
  | { kind: 'payment' }
  | {
      kind: 'refund';
      refund: { id: string; amount: Money; kind: RefundKind; reason: string; refundedAt: Date };
    };

export interface ReceiptContent {
  payment: StoredPayment;
  appointment: Pick<AppointmentView, 'doctor' | 'patient' | 'startAt' | 'mode'>;
  subject: ReceiptSubject;
  timeZone: string;
  /** The requester's: labels and dates in it; names and ids as they are. */
  language: Language;
}

/** "₹1,250.00": a receipt always shows paise (amounts are stored in paise). */
export const formatReceiptAmount = ({ amount, currency }: Money, language: Language = 'en'): string =>
  new Intl.NumberFormat(LOCALES[language], { style: 'currency', currency, minimumFractionDigits: 2 }).format(
    amount / 100,
  );

const PROVIDER_NAMES: Record<PaymentProviderName, string> = {
  sandbox: 'Arogyam sandbox (test payment, no money taken)',
  razorpay: 'Razorpay',
};

const REFUND_KINDS: Record<RefundKind, string> = {
  appointment_cancelled: 'The appointment was cancelled',
  admin: 'Refunded by Arogyam support',
};

const CONSULTATION_KINDS: Record<AppointmentMode, string> = {
  video: 'Video consultation',
  chat: 'Chat consultation',
  in_person: 'In-clinic consultation',
};

/** `Dr. Meera Iyer` in every language, as the apps write it. */
const doctorTitle = (fullName: string): string => (/^dr\b/i.test(fullName) ? fullName : `Dr. ${fullName}`);

const shortId = (id: string): string => id.replace(/[^A-Za-z0-9]/g, '').slice(0, 8);

/** `receipt-2026-12-05-3f2a9c1b.pdf` or `refund-receipt-…`: the date in the zone and the id's start. */
export function receiptFilename({ payment, subject, timeZone }: ReceiptContent): string {
  if (subject.kind === 'refund') {
    return `refund-receipt-${dateInZone(subject.refund.refundedAt, timeZone)}-${shortId(subject.refund.id)}.pdf`;
  }
  return `receipt-${dateInZone(payment.paidAt ?? payment.createdAt, timeZone)}-${shortId(payment._id)}.pdf`;
}

/**
 * A receipt a patient can file with an insurer or an employer: who was paid, for which
 * consultation, how much, when and how; a refund receipt names the payment it returns money of.
 * Real text in Noto Sans (names in any Indian script print), never clinical content; its labels
 * in the requester's language.
 */
export function renderReceiptPdf(content: ReceiptContent): Promise<Buffer> {
  const { payment, appointment, subject, timeZone, language } = content;
  const t = translatorFor(language, { hi: HINDI });
  const when = (instant: string | Date): string => formatDateTimeInZone(instant, timeZone, LOCALES[language]);
  const money = (amount: Money): string => formatReceiptAmount(amount, language);
  const isRefund = subject.kind === 'refund';
  const receiptNumber = isRefund ? subject.refund.id : payment._id;
  const patient = appointment.patient.fullName;
  const { doc, bytes } = openA4Document({
    title: isRefund
      ? t('Refund receipt for {{patient}}', { patient })
      : t('Receipt for {{patient}}', { patient }),
    author: t('Arogyam'),
    subject: isRefund
      ? t('Refund {{number}}', { number: receiptNumber })
      : t('Payment {{number}}', { number: receiptNumber }),
    createdAt: isRefund ? subject.refund.refundedAt : (payment.paidAt ?? payment.createdAt),
  });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const rule = (): void => drawRule(doc);
  const LABEL_WIDTH = 130;
  /** A label and its value side by side; a long value wraps in its own column. */
  const line = (label: string, value: string): void => {
    const top = doc.y;
    doc.fillColor(MUTED);
    writeText(doc, label, { size: 11, at: { x: left, y: top } }, { width: LABEL_WIDTH - 10 });
    const labelBottom = doc.y;
    doc.fillColor('black');
    writeText(
      doc,
      value,
      { size: 11, at: { x: left + LABEL_WIDTH, y: top } },
      { width: width - LABEL_WIDTH },
    );
    doc.x = left;
    doc.y = Math.max(labelBottom, doc.y) + 3;
  };

  doc.fillColor(BRAND);
  writeText(doc, t('Arogyam'), { size: 24, weight: 'bold' });
  doc.fillColor('black');
  writeText(doc, isRefund ? t('Refund receipt') : t('Payment receipt'), { size: 16, weight: 'bold' });
  rule();

  line(t('Receipt number'), receiptNumber);
  line(t('Billed to'), patient);
  line(
    t('For'),
    t('{{kind}} with {{doctor}}, {{time}}', {
      kind: t(CONSULTATION_KINDS[appointment.mode]),
      doctor: doctorTitle(appointment.doctor.fullName),
      time: when(appointment.startAt),
    }),
  );
  rule();

  if (isRefund) {
    line(t('Amount refunded'), money(subject.refund.amount));
    line(t('Refunded on'), when(subject.refund.refundedAt));
    // The kind in words; an admin's own reason is for the records, not the patient's receipt.
    line(t('Reason'), t(REFUND_KINDS[subject.refund.kind]));
    line(t('Refund of payment'), `${payment._id}, ${money(payment.amount)}`);
  } else {
    line(t('Amount paid'), money(payment.amount));
    line(t('Paid on'), when(payment.paidAt ?? payment.createdAt));
  }
  line(t('Paid through'), t(PROVIDER_NAMES[payment.provider]));
  if (payment.providerPaymentId) line(t('Provider reference'), payment.providerPaymentId);
  rule();

  doc.fillColor(MUTED);
  writeText(
    doc,
    isRefund
      ? t(
          'The refund goes back to the account the payment came from; banks take up to 7 working days to show it.',
        )
      : t('Thank you. This receipt was issued electronically through Arogyam and needs no signature.'),
    { size: 9 },
    { width },
  );
  const footer = isRefund
    ? t('Arogyam · Refund receipt {{number}}', { number: receiptNumber })
    : t('Arogyam · Receipt {{number}}', { number: receiptNumber });
  writePageFooters(doc, footer, MUTED, (page, pages) => t('Page {{page}} of {{pages}}', { page, pages }));
  doc.end();
  return bytes;
}
