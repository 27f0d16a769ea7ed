import type { Model } from 'mongoose';
import { PATIENT_DATA_PAGE_BYTES, PATIENT_DATA_PAGE_LIMIT } from '@arogyam/contracts';
import { exportingPatient, patientDataPage } from './patient-data-page';

interface Doc {
  _id: string;
  patientId: string;
  body: string;
}

/** A model over an array: the query shape patientDataPage sends (`_id` after a cursor, in order). */
function modelOf(documents: Doc[]): Model<Doc> {
  return {
    find: (filter: { patientId: string; _id?: { $gt: string } }) => {
      const matching = documents
        .filter((doc) => doc.patientId === filter.patientId && (!filter._id || doc._id > filter._id.$gt))
        .sort((a, b) => a._id.localeCompare(b._id));
      return {
        sort: () => ({
          limit: (n: number) => ({ lean: () => ({ exec: async () => matching.slice(0, n) }) }),
        }),
      };
    },
  } as unknown as Model<Doc>;
}

const docs = (count: number, size: number, patientId = 'p1'): Doc[] =>
  Array.from({ length: count }, (_, i) => ({
    _id: `m${String(i).padStart(5, '0')}`,
    patientId,
    body: 'x'.repeat(size),
  }));

async function everything(model: Model<Doc>): Promise<{ ids: string[]; pages: number; largest: number }> {
  const ids: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  let largest = 0;
  do {
    const page = await patientDataPage(model, { patientId: 'p1' }, cursor, (doc) => ({
      id: doc._id,
      body: doc.body,
    }));
    ids.push(...page.items.map((item) => String(item.id)));
    largest = Math.max(largest, Buffer.byteLength(JSON.stringify(page)));
    cursor = page.nextCursor;
    pages += 1;
  } while (cursor !== undefined);
  return { ids, pages, largest };
}

describe('patientDataPage', () => {
  it('pages thousands of items by count, each once and in order', async () => {
    const all = docs(PATIENT_DATA_PAGE_LIMIT * 5 + 3, 10);
    const { ids, pages } = await everything(modelOf([...all, ...docs(50, 10, 'someone-else')]));
    expect(ids).toEqual(all.map((doc) => doc._id));
    expect(pages).toBe(6);
  });

  it('keeps every reply under the byte budget, however long the items', async () => {
    const all = docs(300, 16_000);
    const { ids, largest } = await everything(modelOf(all));
    expect(ids).toEqual(all.map((doc) => doc._id));
    expect(largest).toBeLessThan(PATIENT_DATA_PAGE_BYTES + 1000);
  });

  it('answers an empty page, without a cursor, for a patient with nothing', async () => {
    expect(
      await patientDataPage(modelOf([]), { patientId: 'p1' }, undefined, (doc) => ({ id: doc._id })),
    ).toEqual({
      items: [],
    });
  });

  it('answers only a patient, for themself, and only the sections the service knows', () => {
    const message = { actor: { userId: 'p1', role: 'patient' as const }, section: 'messages' };
    expect(exportingPatient(message, ['rooms', 'messages'])).toBe('p1');
    expect(() =>
      exportingPatient({ ...message, actor: { userId: 'd1', role: 'doctor' } }, ['messages']),
    ).toThrow('Only patient accounts may do this.');
    expect(() => exportingPatient({ ...message, section: 'secrets' }, ['messages'])).toThrow(
      /No such section/,
    );
  });
});
