import { spansOf, type TextSpan } from './text-span';

/** The platform's own ids: user, appointment and record ids are UUIDs or Mongo ObjectIds. */
const UUID =
  /(?<![\p{L}\p{N}])[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![\p{L}\p{N}])/iu;
const OBJECT_ID = /(?<![\p{L}\p{N}])[0-9a-f]{24}(?![\p{L}\p{N}])/iu;

/**
 * A hospital's numbers after their label: "MRN 123456", "UHID: KA-2231", "IP No. 4471/23",
 * "ABHA number 12-3456-7890-1234". The value must hold a digit, so "the MRN was missing" passes.
 */
const LABELLED =
  /\b(?:MRN|UHID|CR\s?No|IPD?\s?No|OPD?\s?No|Reg(?:istration)?\.?\s?No|Hospital\s?(?:No|Number)|Patient\s?(?:ID|No)|ABHA(?:\s?(?:No|Number|ID))?|Aadhaa?r(?:\s?(?:No|Number))?)\b\.?[\s:#.-]*(?=[A-Z0-9/-]*\d)[A-Z0-9][A-Z0-9/-]{2,}/i;

/** ABHA (Ayushman Bharat health account) numbers, 14 digits as 2-4-4-4, and 12-digit Aadhaar numbers. */
const ABHA = /(?<!\d)\d{2}-\d{4}-\d{4}-\d{4}(?!\d)/;
const AADHAAR = /(?<![\d+])[2-9]\d{3}[\s-]?\d{4}[\s-]?\d{4}(?!\d)/;

/** Record and identity numbers (de-identification, kind `record_id`). */
export function recordIdsIn(text: string): TextSpan[] {
  return [UUID, OBJECT_ID, LABELLED, ABHA, AADHAAR].flatMap((pattern) => spansOf(pattern, text));
}
