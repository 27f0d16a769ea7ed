import type { PaymentStatus, SelectOption } from '@arogyam/ui';
import { dayParam, dayRangeAndPageParams, instantsOf, pageParam } from './search-params';

/** The payments search's filters and page, kept in the URL so a search survives reloads and can be shared. */
export interface PaymentFilters {
  appointmentId: string;
  patientId: string;
  status: PaymentStatus | '';
  /** Days of creation, both included. */
  fromDay: string;
  toDay: string;
  page: number;
}

export const PAYMENT_STATUS_LABELS: Record<PaymentStatus, string> = {
  created: 'Not paid yet',
  paid: 'Paid',
  partially_refunded: 'Part refunded',
  refunded: 'Refunded',
  failed: 'Failed',
};

export const PAYMENT_STATUS_OPTIONS: readonly SelectOption[] = [
  { value: '', label: 'Any status' },
  ...Object.entries(PAYMENT_STATUS_LABELS).map(([value, label]) => ({ value, label })),
];

const isStatus = (value: string): value is PaymentStatus => value in PAYMENT_STATUS_LABELS;

export function paymentFiltersFrom(params: URLSearchParams): PaymentFilters {
  const status = params.get('status') ?? '';
  return {
    appointmentId: params.get('appointmentId')?.trim() ?? '',
    patientId: params.get('patientId')?.trim() ?? '',
    status: isStatus(status) ? status : '',
    fromDay: dayParam(params, 'from'),
    toDay: dayParam(params, 'to'),
    page: pageParam(params),
  };
}

export function paramsForPayments(filters: PaymentFilters): Record<string, string> {
  const params: Record<string, string> = {};
  if (filters.appointmentId) params.appointmentId = filters.appointmentId;
  if (filters.patientId) params.patientId = filters.patientId;
  if (filters.status) params.status = filters.status;
  return { ...params, ...dayRangeAndPageParams(filters) };
}

/** The gateway's query: days become instants (`to` is the start of the day after, exclusive). */
export function paymentQuery(filters: PaymentFilters): Record<string, string | number | undefined> {
  return {
    appointmentId: filters.appointmentId || undefined,
    patientId: filters.patientId || undefined,
    status: filters.status || undefined,
    ...instantsOf(filters.fromDay, filters.toDay),
    page: filters.page,
  };
}
