import { strFromU8, unzipSync } from 'fflate';
import { archiveFileName, exportArchiveEntries, safeFileName } from './export-archive-layout';
import { EXPORT_PLAN } from './export-plan';
import { zipArchive } from './zip-archive';

const PDF = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34]);

describe('the data export archive', () => {
  const gathered = new Map<string, unknown>([
    ['account.json', { id: 'p1', email: 'asha@example.test' }],
    [
      'appointments.json',
      [
        { id: 'a1', reason: 'Cough for a week', doctor: { id: 'd1' }, startAt: '2026-12-01T04:30:00.000Z' },
        {
          id: 'a2',
          doctor: { id: 'd1' },
          startAt: '2026-12-02T04:30:00.000Z',
          calls: [{ id: 'c1', outcome: 'completed' }],
        },
      ],
    ],
    ['chat.json', { rooms: [{ id: 'r1' }], messages: [{ id: 'm1', body: 'Namaste' }] }],
  ]);

  it('holds README.txt, one JSON per service, the video calls and each record file in its own folder', async () => {
    const zip = await zipArchive(
      exportArchiveEntries('p1', new Date('2026-12-05T10:00:00Z'), gathered, [
        { recordId: 'rec-1', fileName: 'blood test.pdf', bytes: PDF },
        { recordId: 'rec-2', fileName: '../../etc/passwd', bytes: PDF },
      ]),
    );
    const files = unzipSync(new Uint8Array(zip));

    expect(Object.keys(files).sort()).toEqual(
      [
        'README.txt',
        ...EXPORT_PLAN.map((file) => file.name),
        'video-calls.json',
        'files/rec-1/blood test.pdf',
        'files/rec-2/__.._etc_passwd',
      ].sort(),
    );
    const readme = strFromU8(files['README.txt']);
    for (const file of EXPORT_PLAN) expect(readme).toContain(file.name);
    expect(readme).toContain('files/<record id>/');
    expect(JSON.parse(strFromU8(files['account.json']))).toEqual({ id: 'p1', email: 'asha@example.test' });
    expect(JSON.parse(strFromU8(files['chat.json'])).messages).toEqual([{ id: 'm1', body: 'Namaste' }]);
    // A file nothing was gathered for says so (null), rather than missing.
    expect(JSON.parse(strFromU8(files['reviews.json']))).toBeNull();
    expect(JSON.parse(strFromU8(files['video-calls.json']))).toEqual([
      {
        appointmentId: 'a2',
        doctor: { id: 'd1' },
        startAt: '2026-12-02T04:30:00.000Z',
        calls: [{ id: 'c1', outcome: 'completed' }],
      },
    ]);
    expect(files['files/rec-1/blood test.pdf']).toEqual(PDF);
  });

  it('names files so no unzip tool writes outside the folder', () => {
    expect(safeFileName('../secret')).toBe('__secret');
    expect(safeFileName('a/b\\c')).toBe('a_b_c');
    expect(safeFileName('')).toBe('file');
    expect(safeFileName('रिपोर्ट.pdf')).toBe('रिपोर्ट.pdf');
  });

  it('is named for the day it was made', () => {
    expect(archiveFileName(new Date('2026-12-05T23:59:00Z'))).toBe('arogyam-export-2026-12-05.zip');
  });
});
