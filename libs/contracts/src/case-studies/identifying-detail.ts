import type { FieldProblem } from '../errors/rpc-error';

/** What the de-identification check refuses. */
export const IDENTIFYING_KINDS = [
  'patient_name',
  'phone_number',
  'email',
  'date_of_birth',
  'full_date',
  'record_id',
  'address',
  'image_metadata',
] as const;
export type IdentifyingKind = (typeof IDENTIFYING_KINDS)[number];

/**
 * One place the check refused, in the error body's `details`: the field (`presentation`,
 * `tags[2]`, `images[0]`), the kind, and for text the range `[start, end)` in the field's text
 * (JavaScript string offsets, as an editor selects them). Never the matched text itself.
 */
export interface IdentifyingDetail extends FieldProblem {
  kind: IdentifyingKind;
  start?: number;
  end?: number;
}
