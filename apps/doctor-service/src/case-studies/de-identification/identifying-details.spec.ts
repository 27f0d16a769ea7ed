import { identifyingDetails, type CheckedCase } from './identifying-details';
import { imageMetadataProblem } from './image-metadata';
import { PatientNameIndex } from './patient-names';

const CLEAN: CheckedCase = {
  title: 'Recurrent syncope in a 54-year-old man',
  specialty: 'Cardiology',
  tags: ['syncope', 'av block'],
  presentation:
    'A 54-year-old man presented with three episodes of syncope over 2 weeks. BP 110/70, pulse 38. ' +
    'Platelets 150000, Hb 12.1. Born in 1970; seen in March 2023 at a district hospital.',
  investigations: 'ECG on day 1 showed complete AV block. The MRN was not needed.',
  diagnosis: 'Complete heart block (Type 2 degree progressed).',
  treatment: 'Temporary pacing, then a dual-chamber pacemaker on day 3.',
  outcome: 'Asymptomatic at 6 months; Ravi, his son, was relieved.',
  learningPoints: 'Always look for bradyarrhythmia in syncope.',
  images: [],
};

const NAMES = new PatientNameIndex(['Arjun Kumar Dev', 'José Fernandes', 'Lakshmi']);

const check = (change: Partial<CheckedCase>) => identifyingDetails({ ...CLEAN, ...change }, NAMES);

/** The one finding of a text put in Presentation, with the text it points at. */
function onlyFinding(presentation: string) {
  const details = check({ presentation });
  expect(details).toHaveLength(1);
  const [detail] = details;
  return { ...detail, text: presentation.slice(detail.start, detail.end) };
}

// Tiny images, built byte by byte: a PNG with and without a tEXt chunk, a JPEG with and without EXIF.
const chunk = (type: string, data: Buffer): Buffer => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  return Buffer.concat([length, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)]);
};
const png = (...chunks: Buffer[]): string =>
  `data:image/png;base64,${Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', Buffer.alloc(13)),
    ...chunks,
    chunk('IDAT', Buffer.alloc(4)),
    chunk('IEND', Buffer.alloc(0)),
  ]).toString('base64')}`;
const segment = (marker: number, data: Buffer): Buffer =>
  Buffer.concat([Buffer.from([0xff, marker, 0, data.length + 2]), data]);
const jpeg = (...segments: Buffer[]): string =>
  `data:image/jpeg;base64,${Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xe0, Buffer.from('JFIF\0')),
    ...segments,
    Buffer.from([0xff, 0xda, 0, 2, 1, 2, 3, 0xff, 0xd9]),
  ]).toString('base64')}`;

describe('the de-identification check', () => {
  it('passes a clean case: ages, days, a year, lab values, a common first name', () => {
    expect(identifyingDetails(CLEAN, NAMES)).toEqual([]);
  });

  it("finds a patient's full name, or given and family name, case and accents aside, with its place", () => {
    expect(onlyFinding('Seen with arjun kumar DEV in clinic.')).toMatchObject({
      field: 'presentation',
      kind: 'patient_name',
      start: 10,
      end: 25,
      text: 'arjun kumar DEV',
      problem: "A patient's name in Presentation, characters 11–25.",
    });
    expect(onlyFinding('Mr Dev Arjun, 54, presented.').text).toBe('Dev Arjun');
    expect(onlyFinding('Jose Fernandes presented.').text).toBe('Jose Fernandes');
    expect(onlyFinding('LAKSHMI presented.').text).toBe('LAKSHMI');
  });

  it('does not match a lone given name of a longer name, nor part of a word', () => {
    expect(check({ presentation: 'Arjun presented; Arjunan Devi was his neighbour; Josés.' })).toEqual([]);
  });

  it.each([
    ['+91 98450 12345', '+91 98450 12345'],
    ['9845012345', '9845012345'],
    ['098450-12345', '098450-12345'],
    ['080-2345 6789', '080-2345 6789'],
    ['+44 20 7946 0958', '+44 20 7946 0958'],
    ['+1 (415) 555-0100', '+1 (415) 555-0100'],
  ])('finds the phone number %s', (phone, found) => {
    expect(onlyFinding(`Call the family on ${phone} for follow-up.`)).toMatchObject({
      kind: 'phone_number',
      start: 19,
      text: found,
    });
  });

  it('finds an email address', () => {
    expect(onlyFinding('Reports sent to a.dev+lab@example.co.in weekly.')).toMatchObject({
      kind: 'email',
      start: 16,
      end: 39,
    });
  });

  it.each([
    ['DOB 12/03/1970', 'date_of_birth'],
    ['D.O.B.: 1970-03-12', 'date_of_birth'],
    ['date of birth 12th March 1970', 'date_of_birth'],
    ['born on March 12, 1970', 'date_of_birth'],
    ['born in March 1970', 'date_of_birth'],
    ['admitted on 14.02.2023', 'full_date'],
  ])('finds the date in "%s"', (words, kind) => {
    const finding = onlyFinding(`Noted: ${words}.`);
    expect(finding.kind).toBe(kind);
    expect(`Noted: ${words}.`.slice(0, finding.start)).toBe(
      kind === 'full_date' ? 'Noted: admitted on ' : 'Noted: ',
    );
  });

  it.each([
    'MRN 4471234',
    'UHID: KA-2231-77',
    'IP No. 4471/23',
    'record 3f2b8c9e-1a2b-4c3d-8e9f-0a1b2c3d4e5f',
    'record 65a1f0c2e4b0a1b2c3d4e5f6',
    'ABHA 12-3456-7890-1234',
    'Aadhaar 2345 6789 0123',
  ])('finds the record id in "%s"', (words) => {
    expect(onlyFinding(`${words}.`).kind).toBe('record_id');
  });

  it.each(['PIN 560001', 'House no. 12', 'H.No. 12A', '14 MG Road', '12th Main', 'Sector 15'])(
    'finds the address in "%s"',
    (words) => {
      expect(onlyFinding(`Lives at ${words}.`).kind).toBe('address');
    },
  );

  it('lists every place, field by field, tags and captions too', () => {
    const details = check({
      title: 'Arjun Dev: a case',
      outcome: 'Phone 9845012345, email x@y.in',
      tags: ['syncope', 'lakshmi'],
      images: [{ dataUrl: png(), caption: 'ECG of José Fernandes' }],
    });
    expect(details.map(({ field, kind, start, end }) => [field, kind, start, end])).toEqual([
      ['title', 'patient_name', 0, 9],
      ['outcome', 'phone_number', 6, 16],
      ['outcome', 'email', 24, 30],
      ['tags[1]', 'patient_name', 0, 7],
      ['images[0].caption', 'patient_name', 7, 21],
    ]);
  });

  it("refuses an image's metadata, and says to remove it", () => {
    expect(imageMetadataProblem(png())).toBeNull();
    expect(imageMetadataProblem(png(chunk('tEXt', Buffer.from('Author\0Dr X'))))).toBe('metadata');
    expect(imageMetadataProblem(png(chunk('iTXt', Buffer.from('x'))))).toBe('metadata');
    expect(imageMetadataProblem(jpeg())).toBeNull();
    expect(imageMetadataProblem(jpeg(segment(0xe1, Buffer.from('Exif\0\0'))))).toBe('metadata');
    expect(imageMetadataProblem(jpeg(segment(0xfe, Buffer.from('a comment'))))).toBe('metadata');
    expect(imageMetadataProblem('data:image/png;base64,aGVsbG8=')).toBe('unreadable');

    const [detail] = check({
      images: [{ dataUrl: jpeg(segment(0xe1, Buffer.from('Exif'))), caption: 'ECG' }],
    });
    expect(detail).toMatchObject({ field: 'images[0]', kind: 'image_metadata' });
    expect(detail.problem).toContain("remove the image's metadata");
  });
});
