import { Injectable } from '@nestjs/common';
import { InjectModel, type ModelDefinition } from '@nestjs/mongoose';
import type { FilterQuery, Model } from 'mongoose';
import type { AuditResourceKind, PatientDataPage } from '@arogyam/contracts';
import {
  findPage,
  findPageCountingAhead,
  ORDERED_PUSHDOWN,
  patientDataPage,
  type PageWindow,
  type TotalCountedAhead,
} from '@arogyam/persistence';
import { AuditEntry, AuditEntrySchema } from './audit-entry.schema';

// The chain: one entry per position (a racing second writer's insert is refused, E11000), the
// chain's head (`head`), and its walk by positions (`atPositions`).
AuditEntrySchema.index({ chain: 1, position: 1 }, { unique: true });
// A patient's "who viewed my records", newest first (`pageForPatient`).
AuditEntrySchema.index({ patientId: 1, byPatient: 1, occurredAt: -1, _id: 1 });
// Admins' search, newest first: by patient, by actor, by kind, or everything (`search`).
AuditEntrySchema.index({ patientId: 1, occurredAt: -1, _id: 1 });
AuditEntrySchema.index({ actorId: 1, occurredAt: -1, _id: 1 });
AuditEntrySchema.index({ kind: 1, occurredAt: -1, _id: 1 });
AuditEntrySchema.index({ occurredAt: -1, _id: 1 });

/** `auditEvents`; an entry is also read by `_id` (its event id) to store a redelivery once. */
export const auditEntryModel: ModelDefinition = { name: AuditEntry.name, schema: AuditEntrySchema };

const NEWEST_FIRST = { occurredAt: -1, _id: 1 } as const;

export interface AuditSearch {
  patientId?: string;
  actorId?: string;
  kind?: AuditResourceKind;
  from?: Date;
  to?: Date;
}

/** Every read and write of `auditEvents`: appends only; nothing here updates or deletes. */
@Injectable()
export class AuditEntryRepository {
  constructor(@InjectModel(AuditEntry.name) private readonly entries: Model<AuditEntry>) {}

  /** Rejects with E11000 when the event is stored already or the position was taken. */
  async append(entry: AuditEntry): Promise<void> {
    await this.entries.create(entry);
  }

  async has(eventId: string): Promise<boolean> {
    return (await this.entries.exists({ _id: eventId }).exec()) !== null;
  }

  /** The chain's last entry (highest position), if it has any. */
  head(chain: string): Promise<AuditEntry | null> {
    return this.entries
      .findOne({ chain })
      .sort({ position: -1 })
      .comment(ORDERED_PUSHDOWN)
      .lean<AuditEntry>()
      .exec();
  }

  /** The chain's entries at these positions (an equality `$in`, served by the unique index). */
  atPositions(chain: string, positions: number[]): Promise<AuditEntry[]> {
    return this.entries
      .find({ chain, position: { $in: positions } })
      .comment(ORDERED_PUSHDOWN)
      .lean<AuditEntry[]>()
      .exec();
  }

  /** The chains there are (a handful: one per audited service). */
  async chains(): Promise<string[]> {
    return (await this.entries.distinct('chain').exec()).map(String);
  }

  /** Who reached the patient's data, not counting herself, newest first. */
  pageForPatient(patientId: string, window: PageWindow): Promise<{ documents: AuditEntry[]; total: number }> {
    return findPage(this.entries, { patientId, byPatient: false }, NEWEST_FIRST, window);
  }

  /**
   * Admins' search, counted ten pages ahead (it grows with the platform); a date range narrows
   * whichever index the equality fields choose.
   */
  search(search: AuditSearch, window: PageWindow): Promise<{ documents: AuditEntry[] } & TotalCountedAhead> {
    const filter: FilterQuery<AuditEntry> = {
      ...(search.patientId ? { patientId: search.patientId } : {}),
      ...(search.actorId ? { actorId: search.actorId } : {}),
      ...(search.kind ? { kind: search.kind } : {}),
    };
    if (search.from || search.to) {
      filter.occurredAt = {
        ...(search.from ? { $gte: search.from } : {}),
        ...(search.to ? { $lt: search.to } : {}),
      };
    }
    return findPageCountingAhead(this.entries, filter, NEWEST_FIRST, window);
  }

  /**
   * Who reached the patient's clinical data (others than the patient), for their data export: who,
   * when, what and whether it was allowed; not where from.
   */
  exportPage(patientId: string, cursor: string | undefined): Promise<PatientDataPage> {
    return patientDataPage(this.entries, { patientId, byPatient: false }, cursor, (entry) => ({
      id: entry._id,
      occurredAt: new Date(entry.occurredAt).toISOString(),
      actorId: entry.actorId,
      actorRole: entry.actorRole,
      kind: entry.kind,
      resourceId: entry.resourceId,
      action: entry.action,
      outcome: entry.outcome,
    }));
  }
}
