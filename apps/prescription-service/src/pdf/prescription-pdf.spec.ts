import type { PrescriptionView } from '@arogyam/contracts';
import { catalogueProblems, extractPdfText, translatedTexts } from '@arogyam/testing';
import { HINDI } from './hi';
import { renderPrescriptionPdf } from './prescription-pdf';

const prescription: PrescriptionView = {
  id: 'rx_2',
  appointmentId: 'a1',
  doctorId: 'd1',
  patientId: 'p1',
  doctor: { id: 'd1', fullName: 'Meera Iyer', specialization: 'Cardiology', licenseNumber: 'MMC-4242' },
  patient: { id: 'p1', fullName: 'Asha Rao' },
  items: [
    {
      drug: 'Amlodipine 5 mg',
      dose: '1 tablet',
      frequency: 'Once daily',
      durationDays: 30,
      instructions: 'After food',
    },
    { drug: 'Aspirin 75 mg', dose: '1 tablet', frequency: 'Once daily', durationDays: 1 },
  ],
  advice: 'Walk every morning',
  version: 2,
  supersedesId: 'rx_1',
  supersededById: 'rx_3',
  verificationCode: 'K7Q2-9XPL',
  issuedAt: '2026-12-01T04:30:00.000Z',
};

/** What the doctor wrote, names, ids and codes: printed as they are. */
const AS_WRITTEN = [
  'Amlodipine 5 mg',
  'Aspirin 75 mg',
  '1 tablet',
  'Once daily',
  'After food',
  'Walk every morning',
  'Meera Iyer',
  'Asha Rao',
  'Cardiology',
  'MMC-4242',
  'rx_1',
  'rx_2',
  'rx_3',
  'K7Q2-9XPL',
];
/** Written in Latin letters in Hindi too: the zone, the doctor's title (as the apps write it), ID, ℞. */
const LATIN_IN_HINDI = ['IST', 'Dr', 'ID', 'Rx'];

/** The PDF's text, without the reader's own `-- 1 of 1 --` page marks, whitespace folded. */
const textOf = async (language: 'en' | 'hi'): Promise<string> =>
  (await extractPdfText(await renderPrescriptionPdf(prescription, 'Asia/Kolkata', language)))
    .replace(/-- \d+ of \d+ --/g, ' ')
    .replace(/\s+/g, ' ');

describe('prescription PDF in Hindi', () => {
  it('has a Hindi entry for every label, with every {{place}}, in Devanagari', () => {
    const texts = translatedTexts(['apps/prescription-service/src/pdf']);
    expect(texts.size).toBeGreaterThan(15); // the scan itself works
    expect(catalogueProblems(texts, HINDI)).toEqual({ missing: [], brokenPlaces: [], notDevanagari: [] });
  });

  it('labels in Hindi and keeps what the doctor wrote as written', async () => {
    const text = await textOf('hi');
    for (const kept of [
      'सलाह',
      'Dr. Meera Iyer',
      'Asha Rao',
      'Once daily',
      'After food',
      'Walk every morning',
      'K7Q2-9XPL',
    ]) {
      expect(text).toContain(kept);
    }
    let rest = text;
    for (const kept of AS_WRITTEN) rest = rest.split(kept).join(' ');
    expect((rest.match(/[A-Za-z]{2,}/g) ?? []).filter((word) => !LATIN_IN_HINDI.includes(word))).toEqual([]);
  });

  it('is in English when asked in English', async () => {
    const text = await textOf('en');
    expect(text).toContain('Advice');
    expect(text).toContain('1 tablet · Once daily · for 30 days');
    expect(text).not.toMatch(/[\u0900-\u097F]/);
  });
});
