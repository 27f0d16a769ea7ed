import type { AccountStatus, Role, SelectOption } from '@arogyam/ui';

/** The users list's filters and page, kept in the URL so a filtered view survives reloads. */
export interface UserFilters {
  /** Search text: a name, an email or a phone number (or its last digits); '' for none. */
  q: string;
  role: Role | '';
  status: AccountStatus | '';
  page: number;
}

export const ROLE_OPTIONS: readonly SelectOption[] = [
  { value: '', label: 'All roles' },
  { value: 'patient', label: 'Patients' },
  { value: 'doctor', label: 'Doctors' },
  { value: 'admin', label: 'Admins' },
];

export const STATUS_OPTIONS: readonly SelectOption[] = [
  { value: '', label: 'Any status' },
  { value: 'active', label: 'Active' },
  { value: 'suspended', label: 'Suspended' },
];

/** A role filter from the URL or a select; anything unknown means "all roles". */
export function roleFilter(value: string | null): UserFilters['role'] {
  return oneOf(value, ['patient', 'doctor', 'admin'] as const) ?? '';
}

/** A status filter from the URL or a select; anything unknown means "any status". */
export function statusFilter(value: string | null): UserFilters['status'] {
  return oneOf(value, ['active', 'suspended'] as const) ?? '';
}

export function userFiltersFrom(params: URLSearchParams): UserFilters {
  const page = Number(params.get('page'));
  return {
    q: params.get('q') ?? '',
    role: roleFilter(params.get('role')),
    status: statusFilter(params.get('status')),
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

export function paramsForUsers({ q, role, status, page }: UserFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (q.trim()) params.set('q', q.trim());
  if (role) params.set('role', role);
  if (status) params.set('status', status);
  if (page > 1) params.set('page', String(page));
  return params;
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return allowed.find((candidate) => candidate === value);
}
