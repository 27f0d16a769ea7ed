import type { FilterQuery, Model } from 'mongoose';
import {
  DomainError,
  PATIENT_DATA_PAGE_BYTES,
  PATIENT_DATA_PAGE_LIMIT,
  requireRole,
  type PatientDataPage,
  type PatientDataPageMessage,
} from '@arogyam/contracts';

type Item = Record<string, unknown>;

/**
 * One page of a patient's documents in `_id` order after `cursor`: at most PATIENT_DATA_PAGE_LIMIT
 * items and PATIENT_DATA_PAGE_BYTES of JSON, so a reply always fits a NATS message. `nextCursor`
 * is the last id answered while more may follow.
 */
export async function patientDataPage<T>(
  model: Model<T>,
  filter: FilterQuery<T>,
  cursor: string | undefined,
  toItem: (document: T) => Item | Promise<Item>,
): Promise<PatientDataPage> {
  const query = (cursor === undefined ? filter : { ...filter, _id: { $gt: cursor } }) as FilterQuery<T>;
  const documents = await model
    .find(query)
    .sort({ _id: 1 })
    .limit(PATIENT_DATA_PAGE_LIMIT)
    .lean<T[]>()
    .exec();
  const items: Item[] = [];
  let bytes = 0;
  let lastId: string | undefined;
  for (const document of documents) {
    const item = await toItem(document);
    const size = Buffer.byteLength(JSON.stringify(item));
    if (items.length > 0 && bytes + size > PATIENT_DATA_PAGE_BYTES) break;
    items.push(item);
    bytes += size;
    lastId = String((document as { _id: unknown })._id);
  }
  const more = items.length < documents.length || documents.length === PATIENT_DATA_PAGE_LIMIT;
  return { items, ...(more && lastId !== undefined && { nextCursor: lastId }) };
}

/**
 * The patient whose data a `<service>.patient_data.export` asks for: only a patient, for themself
 * (patient-service asks as the patient who started the export), and only the sections the service
 * knows.
 */
export function exportingPatient(message: PatientDataPageMessage, sections: readonly string[]): string {
  requireRole(message.actor, 'patient');
  if (!sections.includes(message.section))
    throw DomainError.badRequest(`No such section of the export: ${message.section}.`, [
      { field: 'section', problem: `must be one of ${sections.join(', ')}` },
    ]);
  return message.actor.userId;
}
