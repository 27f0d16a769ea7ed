/**
 * Whether a medicine being prescribed may be one the patient is allergic to, told from the words
 * of the names alone (docs/decisions.md, "Allergy warnings"). It warns the doctor; it never
 * decides: a drug's brand name, or a cross-reaction the small class list below does not know,
 * goes unnoticed, and the doctor remains the one who checks.
 */

/** Words that say nothing about the substance: units, forms, filler. */
const NOT_A_SUBSTANCE = new Set([
  'mg',
  'mcg',
  'ml',
  'gm',
  'iu',
  'tab',
  'tablet',
  'cap',
  'capsule',
  'syrup',
  'suspension',
  'injection',
  'inj',
  'cream',
  'ointment',
  'gel',
  'drop',
  'spray',
  'inhaler',
  'oral',
  'sr',
  'er',
  'xr',
  'cr',
  'and',
  'with',
  'plus',
  'of',
  'to',
  'the',
  'allergy',
  'allergic',
  'drug',
  'medicine',
]);

/**
 * An allergy to a class of drugs warns on its members too. Only a few common, well-known classes
 * (keys and members in the matcher's own spelling: lower case, no accents, singular).
 */
export const ALLERGY_CLASSES: Readonly<Record<string, readonly string[]>> = {
  penicillin: [
    'amoxicillin',
    'ampicillin',
    'benzylpenicillin',
    'phenoxymethylpenicillin',
    'cloxacillin',
    'dicloxacillin',
    'flucloxacillin',
    'piperacillin',
    'oxacillin',
  ],
  sulfa: ['sulfamethoxazole', 'cotrimoxazole', 'sulfasalazine', 'sulfadiazine'],
  sulpha: ['sulfamethoxazole', 'cotrimoxazole', 'sulfasalazine', 'sulfadiazine'],
  sulfonamide: ['sulfamethoxazole', 'cotrimoxazole', 'sulfasalazine', 'sulfadiazine'],
  nsaid: [
    'ibuprofen',
    'diclofenac',
    'aceclofenac',
    'naproxen',
    'aspirin',
    'ketorolac',
    'mefenamic',
    'indomethacin',
    'piroxicam',
  ],
};

/**
 * The words of a name that may name a substance: accents and case dropped ("Amoxicillín" is
 * "amoxicillin"), hyphens inside a word closed ("co-trimoxazole"), a plural "s" dropped
 * ("penicillins"), and strengths, units and forms left out ("500mg tablet").
 */
export function substanceWords(name: string): string[] {
  const plain = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/(\p{L})-(?=\p{L})/gu, '$1');
  return (
    (plain.match(/[\p{L}\p{N}]+/gu) ?? [])
      .map((word) =>
        word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word,
      )
      // A strength ("500mg", "0") starts with a digit; a vitamin's letter and number ("b12") do not.
      .filter((word) => word.length >= 2 && /^\p{L}/u.test(word) && !NOT_A_SUBSTANCE.has(word))
  );
}

const within = (words: readonly string[], others: ReadonlySet<string>): boolean =>
  words.length > 0 && words.every((word) => others.has(word));

/**
 * Whether the drug may be the allergen: every substance word of one name is among the other's
 * ("Penicillin" in "Penicillin V 250 mg"; "Amoxicillin" in an allergy to "amoxicillin and
 * clavulanate"), or the allergy names a class the drug is a member of ("penicillin" → "amoxicillin").
 */
export function drugMatchesAllergy(drug: string, allergy: string): boolean {
  const drugWords = substanceWords(drug);
  const allergyWords = substanceWords(allergy);
  if (within(allergyWords, new Set(drugWords)) || within(drugWords, new Set(allergyWords))) return true;
  const members = new Set(allergyWords.flatMap((word) => ALLERGY_CLASSES[word] ?? []));
  return drugWords.some((word) => members.has(word));
}

export interface AllergyWarning {
  /** The row of the prescription (0-based). */
  index: number;
  drug: string;
  /** The allergy as the patient recorded it. */
  substance: string;
}

/** Every medicine of the prescription that may be a recorded allergen, with that allergy. */
export function allergyWarnings(
  drugs: readonly string[],
  allergies: readonly { substance: string }[],
): AllergyWarning[] {
  return drugs.flatMap((drug, index) =>
    allergies
      .filter((allergy) => drugMatchesAllergy(drug, allergy.substance))
      .map((allergy) => ({ index, drug: drug.trim(), substance: allergy.substance })),
  );
}
