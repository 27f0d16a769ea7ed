import {
  CASE_STUDY_FIELD_LABELS,
  CASE_STUDY_TEXT_FIELDS,
  type CaseStudyTextField,
  type IdentifyingDetail,
  type IdentifyingKind,
} from '@arogyam/contracts';
import { addressesIn } from './addresses';
import { birthDatesIn, fullDatesIn } from './birth-dates';
import { emailAddressesIn } from './email-addresses';
import { imageMetadataProblem } from './image-metadata';
import type { PatientNameIndex } from './patient-names';
import { phoneNumbersIn } from './phone-numbers';
import { recordIdsIn } from './record-ids';
import type { TextSpan } from './text-span';

/** What the check reads of a case. */
export type CheckedCase = Record<CaseStudyTextField, string> & {
  tags: string[];
  images: { dataUrl: string; caption: string }[];
};

const KIND_WORDS: Record<IdentifyingKind, string> = {
  patient_name: "A patient's name",
  phone_number: 'A phone number',
  email: 'An email address',
  date_of_birth: 'A date of birth',
  full_date: 'A full date (write an age or "day 3" instead)',
  record_id: 'A record or ID number',
  address: 'An address',
  image_metadata: 'Image metadata',
};

type Finder = (text: string) => TextSpan[];

/**
 * Each kind's finder, in the order their findings win where two overlap: a birth date is a
 * birth date before it is a full date, and a +91 number a phone number before a 12-digit id.
 */
const findersFor = (names: PatientNameIndex): [IdentifyingKind, Finder][] => [
  ['patient_name', (text) => names.find(text)],
  ['email', emailAddressesIn],
  ['phone_number', phoneNumbersIn],
  ['date_of_birth', birthDatesIn],
  ['record_id', recordIdsIn],
  ['full_date', fullDatesIn],
  ['address', addressesIn],
];

const overlaps = (a: TextSpan, b: TextSpan): boolean => a.start < b.end && b.start < a.end;

function textDetails(field: string, label: string, text: string, finders: [IdentifyingKind, Finder][]) {
  const kept: (TextSpan & { kind: IdentifyingKind })[] = [];
  for (const [kind, find] of finders) {
    for (const span of find(text)) {
      if (!kept.some((other) => overlaps(other, span))) kept.push({ ...span, kind });
    }
  }
  return kept
    .sort((a, b) => a.start - b.start)
    .map(({ kind, start, end }): IdentifyingDetail => ({
      field,
      kind,
      start,
      end,
      // 1-based and inclusive, as a person counts: the first five characters are "1–5".
      problem: `${KIND_WORDS[kind]} in ${label}, characters ${start + 1}–${end}.`,
    }));
}

/**
 * The de-identification check: every place a case names one of the doctor's patients or holds
 * a phone number, an email, a date of birth or full date, a record id or an address, field by
 * field in the editor's order, and each image with metadata. Empty when the case may be
 * submitted. Findings carry places, never the matched text (they end up in logs and events).
 */
export function identifyingDetails(caseStudy: CheckedCase, names: PatientNameIndex): IdentifyingDetail[] {
  const finders = findersFor(names);
  const details = CASE_STUDY_TEXT_FIELDS.flatMap((field) =>
    textDetails(field, CASE_STUDY_FIELD_LABELS[field], caseStudy[field], finders),
  );
  caseStudy.tags.forEach((tag, index) =>
    details.push(...textDetails(`tags[${index}]`, `tag ${index + 1}`, tag, finders)),
  );
  caseStudy.images.forEach((image, index) => {
    details.push(
      ...textDetails(`images[${index}].caption`, `the caption of image ${index + 1}`, image.caption, finders),
    );
    const problem = imageMetadataProblem(image.dataUrl);
    if (problem)
      details.push({
        field: `images[${index}]`,
        kind: 'image_metadata',
        problem:
          problem === 'metadata'
            ? `Image ${index + 1} carries metadata (EXIF, XMP or text): remove the image's metadata and add it again.`
            : `Image ${index + 1} could not be read as a PNG, JPEG or WebP image: save it again and add it again.`,
      });
  });
  return details;
}
