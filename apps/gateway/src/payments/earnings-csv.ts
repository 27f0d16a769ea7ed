import type { EarningsConsultationView, EarningsView, Money } from '@arogyam/contracts';
import { csvField } from '../http/csv-field';

const HEADER = [
  'startAt',
  'appointmentId',
  'appointmentStatus',
  'paymentStatus',
  'currency',
  'fee',
  'paid',
  'refunded',
  'net',
  'unpaid',
];

/** Rupees with two decimals (`400.00`): what a spreadsheet sums; the API's paise stay in JSON. */
const major = ({ amount }: Money): string => (amount / 100).toFixed(2);

const row = (line: EarningsConsultationView): string =>
  [
    line.startAt,
    line.appointmentId,
    line.appointmentStatus,
    line.paymentStatus,
    line.fee.currency,
    major(line.fee),
    major(line.paid),
    major(line.refunded),
    major(line.net),
    major(line.unpaid),
  ]
    .map(csvField)
    .join(',');

/** Each consultation of the earnings, one line each, oldest first, with a header line. */
export const earningsCsv = (earnings: EarningsView): string =>
  [HEADER.join(','), ...earnings.consultations.map(row)].map((line) => `${line}\r\n`).join('');
