import type { ErrorCode } from '@arogyam/contracts';

/**
 * What each error code means to a person, in words the catalogue translates: shown in a language
 * other than English when the service's own sentence has no translation (services write English;
 * docs/decisions.md, "Languages"). One per code, so a new code cannot be left without one.
 */
export const ERROR_CODE_MESSAGES: Record<ErrorCode, string> = {
  invalid_input: 'Something in the form is missing or not valid. Please check it and try again.',
  not_signed_in: 'Please sign in again.',
  forbidden: 'Your account cannot do this.',
  not_found: 'We could not find this. It may have been removed, or it is not yours to see.',
  conflict: 'This changed in the meantime. Please reload and try again.',
  payload_too_large: 'This is too large. Please choose a smaller file or shorten the text.',
  unsupported_media_type: 'This kind of file cannot be used here.',
  unprocessable: 'This cannot be done. Please check the details and try again.',
  too_many_requests: 'Too many attempts. Please wait a minute and try again.',
  internal: 'Something went wrong on our side. Please try again.',
  service_unavailable: 'Arogyam is temporarily unavailable. Please try again in a moment.',
  timeout: 'Arogyam is taking too long to answer. Please try again in a moment.',
  slot_taken: 'Someone else just booked this time. Please choose another time.',
  patient_busy: 'You already have an appointment at an overlapping time.',
  call_not_open: 'The video visit is not open yet. You can join a few minutes before it starts.',
  call_window_closed: 'The video visit has ended.',
  identifying_details: 'The case study names the patient or holds their details. Please remove them.',
  changed_concurrently: 'Someone else changed this at the same moment. Please try again.',
  not_refundable: 'This payment cannot be refunded.',
  refund_exceeds_balance: 'The refund is more than is left to refund.',
  refund_in_progress: 'Another refund of this payment is under way. Please try again shortly.',
  privacy_notice_outdated: 'The privacy notice has changed. Read it again and accept it.',
  wrong_password: 'That password is not right.',
  visit_in_progress: 'A visit is under way. Try again after it ends.',
  ask_an_admin: 'Only an administrator can do this for your account.',
};
