import type {
  AppointmentMode,
  AppointmentView,
  Money,
  PaymentProviderName,
  RefundKind,
} from '@arogyam/contracts';
import {
  dateInZone,
  drawRule,
  formatDateTimeInZone,
  openA4Document,
  writePageFooters,
  writeText,
} from '@arogyam/pdf';
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
}

/** "₹1,250.00": a receipt always shows paise (amounts are stored in paise). */
export const formatReceiptAmount = ({ amount, currency }: Money): string =>
  new Intl.NumberFormat('en-IN', { style: 'currency', currency, minimumFractionDigits: 2 }).format(
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
 * Real text in Noto Sans (names in any Indian script print), never clinical content.
 */
export function renderReceiptPdf(content: ReceiptContent): Promise<Buffer> {
  const { payment, appointment, subject, timeZone } = content;
  const isRefund = subject.kind === 'refund';
  const receiptNumber = isRefund ? subject.refund.id : payment._id;
  const { doc, bytes } = openA4Document({
    title: `${isRefund ? 'Refund receipt' : 'Receipt'} for ${appointment.patient.fullName}`,
    author: 'Arogyam',
    subject: `${isRefund ? 'Refund' : 'Payment'} ${receiptNumber}`,
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
  writeText(doc, 'Arogyam', { size: 24, weight: 'bold' });
  doc.fillColor('black');
  writeText(doc, isRefund ? 'Refund receipt' : 'Payment receipt', { size: 16, weight: 'bold' });
  rule();

  line('Receipt number', receiptNumber);
  line('Billed to', appointment.patient.fullName);
  line(
    'For',
    `${CONSULTATION_KINDS[appointment.mode]} with ${doctorTitle(appointment.doctor.fullName)}, ${formatDateTimeInZone(
      appointment.startAt,
      timeZone,
    )}`,
  );
  rule();

  if (isRefund) {
    line('Amount refunded', formatReceiptAmount(subject.refund.amount));
    line('Refunded on', formatDateTimeInZone(subject.refund.refundedAt, timeZone));
    // The kind in words; an admin's own reason is for the records, not the patient's receipt.
    line('Reason', REFUND_KINDS[subject.refund.kind]);
    line('Refund of payment', `${payment._id}, ${formatReceiptAmount(payment.amount)}`);
  } else {
    line('Amount paid', formatReceiptAmount(payment.amount));
    line('Paid on', formatDateTimeInZone(payment.paidAt ?? payment.createdAt, timeZone));
  }
  line('Paid through', PROVIDER_NAMES[payment.provider]);
  if (payment.providerPaymentId) line('Provider reference', payment.providerPaymentId);
  rule();

  doc.fillColor(MUTED);
  writeText(
    doc,
    isRefund
      ? 'The refund goes back to the account the payment came from; banks take up to 7 working days to show it.'
      : 'Thank you. This receipt was issued electronically through Arogyam and needs no signature.',
    { size: 9 },
    { width },
  );
  writePageFooters(doc, `Arogyam · ${isRefund ? 'Refund receipt' : 'Receipt'} ${receiptNumber}`, MUTED);
  doc.end();
  return bytes;
}
