/**
 * The stable, machine-readable reason in every error body (`code`). Clients decide on these, never
 * on the status or the text: a 409 on booking is `slot_taken` or `patient_busy`, and they mean
 * different things to the patient. docs/api.md lists them; add a code here, never a string inline.
 */
export const ERROR_CODES = {
  invalid_input: 'A field is missing or not valid (400); `details` names each field and its problem.',
  not_signed_in: 'No valid access token (401).',
  forbidden: 'Signed in, but this account may not do this (403).',
  not_found: 'Nothing of that id that the caller may see (404): unknown and not yours answer alike.',
  conflict: 'The change collides with the current state (409); the message says how.',
  payload_too_large: 'The body or file is over the limit (413).',
  unsupported_media_type: 'The file is not of a kind accepted here (415).',
  unprocessable: 'Well-formed, but not possible (422): a time in the past, not a slot, beyond the horizon.',
  too_many_requests: 'Over a rate limit or a budget (429); `Retry-After` says when to try again.',
  internal: 'A fault on our side (500).',
  service_unavailable: 'A service is down or restarting (503); try again shortly.',
  timeout: 'A service did not answer in time (504).',
  slot_taken: 'Booking or moving: another patient took that time first (409). Choose another time.',
  patient_busy: 'Booking or moving: the patient already has an appointment at an overlapping time (409).',
  call_not_open: 'Video: too early to join; the call opens a configured number of minutes before the start (403).',
  call_window_closed: 'Video: too late to join; the call window closed after the appointment ended (403).',
  identifying_details:
    'Submitting a case study: it names a patient or holds contact, record, address or birth details (422); `details` lists each place (field, kind, start, end).',
  changed_concurrently: 'Another change to the same thing happened at the same moment (409); try again.',
  not_refundable: 'Refunding: the payment is not paid, or all of it has been refunded already (409).',
  refund_exceeds_balance:
    'Refunding: the amount is more than is left to refund (422); the message says how much is.',
  privacy_notice_outdated:
    'Registering: the privacy notice accepted is not the current version (400); show `GET /api/privacy-notice` again and ask anew.',
  wrong_password: 'Deleting an account: the password re-entered is not the account\'s (403).',
  visit_in_progress:
    'Deleting an account: a visit is checked in or in consultation (409); try again after it ends.',
  ask_an_admin: 'Deleting an account: only patients delete their own; an administrator deletes others (409).',
  refund_in_progress: 'Refunding: another refund of this payment is under way (409); try again shortly.',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

const BY_STATUS: Record<number, ErrorCode> = {
  400: 'invalid_input',
  401: 'not_signed_in',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable',
  429: 'too_many_requests',
  500: 'internal',
  503: 'service_unavailable',
  504: 'timeout',
};

/** The code of an error that has no more specific one. */
export const codeForStatus = (statusCode: number): ErrorCode =>
  BY_STATUS[statusCode] ?? (statusCode >= 500 ? 'internal' : 'invalid_input');
