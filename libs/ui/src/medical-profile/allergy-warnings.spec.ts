import { allergyWarnings, drugMatchesAllergy, substanceWords } from './allergy-warnings';

describe('substanceWords', () => {
  it('drops case, accents, plurals, strengths, units and forms; closes hyphenated words', () => {
    expect(substanceWords('Amoxicillín 500mg Capsules')).toEqual(['amoxicillin']);
    expect(substanceWords('CO-TRIMOXAZOLE 960 mg tablet')).toEqual(['cotrimoxazole']);
    expect(substanceWords('Penicillins')).toEqual(['penicillin']);
    expect(substanceWords('Vitamin B12')).toEqual(['vitamin', 'b12']);
    expect(substanceWords('  ')).toEqual([]);
  });
});

describe('drugMatchesAllergy', () => {
  it.each([
    ['Penicillin V 250 mg', 'Penicillin'],
    ['PENICILLIN', 'penicillins'],
    ['Ibuprofén 400', 'ibuprofen'],
    ['Amoxicillin 500mg', 'Amoxicillin 250mg'],
    // Every word of the drug in a longer allergy: a combination the patient named.
    ['Amoxicillin', 'Amoxicillin and clavulanate'],
    // A class the allergy names, and its members.
    ['Amoxicillin 500 mg', 'Penicillin'],
    ['Co-trimoxazole', 'Sulfa drugs'],
    ['Diclofenac gel', 'NSAIDs'],
  ])('warns on "%s" for an allergy to "%s"', (drug, allergy) => {
    expect(drugMatchesAllergy(drug, allergy)).toBe(true);
  });

  it.each([
    ['Paracetamol 500 mg', 'Penicillin'],
    ['Vitamin D3', 'Vitamin B12'],
    ['Folic acid', 'Acetylsalicylic acid'],
    // Words, not letters: "pen" is no penicillin, and "ampicillin" is no "amoxicillin".
    ['Pen', 'Penicillin'],
    ['Ampicillin', 'Amoxicillin'],
    // A drug named by strength and form only names no substance.
    ['500 mg tablet', 'Tablet coating'],
    ['Cetirizine', ''],
  ])('does not warn on "%s" for an allergy to "%s"', (drug, allergy) => {
    expect(drugMatchesAllergy(drug, allergy)).toBe(false);
  });
});

describe('allergyWarnings', () => {
  it('names each matching row with the allergy as the patient wrote it', () => {
    const allergies = [{ substance: 'Penicillin' }, { substance: 'Peanuts' }, { substance: 'Ibuprofen' }];
    expect(allergyWarnings(['Cetirizine', ' Amoxicillin 500 mg ', '', 'Ibuprofen'], allergies)).toEqual([
      { index: 1, drug: 'Amoxicillin 500 mg', substance: 'Penicillin' },
      { index: 3, drug: 'Ibuprofen', substance: 'Ibuprofen' },
    ]);
    expect(allergyWarnings(['Amoxicillin'], [])).toEqual([]);
  });
});
