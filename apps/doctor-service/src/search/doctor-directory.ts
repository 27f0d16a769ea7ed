import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { NatsConnection } from 'nats';
import {
  DOCTOR_DIRECTORY_CHANGED,
  type DoctorSearchQueryDto,
  type DoctorSummary,
  type Page,
} from '@arogyam/contracts';
import { NATS_CONNECTION } from '@arogyam/messaging';
import { CollectionReadModel, pageWindow, toPage } from '@arogyam/persistence';
import { DoctorServiceConfig } from '../config/doctor-service.config';
import { Doctor } from '../profiles/doctor.schema';
import { toDoctorSummary } from '../profiles/doctor-views';
import { isListed, LISTED_DOCTOR } from '../profiles/listed-doctor';
import { DIRECTORY_FIELDS, type DirectoryEntry } from './directory-entry';
import { DirectoryIndex } from './directory-index';
import { criteriaOf, toDirectoryRow, type DirectoryRow } from './directory-query';

/** Doctors read per round trip during a full reload. */
const RELOAD_BATCH_SIZE = 500;

/** A page of search results fits a grid of 3 or 4 cards per row. */
const SEARCH_PAGE_SIZE = 12;

/**
 * The listed doctors (approved, active), in memory and indexed (directory-index.ts), so a search
 * costs microseconds instead of a collection scan: FerretDB's SQLite backend pushes no filter,
 * sort or limit down and scans every document per query (~0.5 s at 10,000 doctors). A read model
 * of the `doctors` collection kept in step across instances (CollectionReadModel), fully
 * reloaded every DIRECTORY_RESYNC_SECONDS as a last safety net. Its change notice
 * (`doctor.directory.changed`) also tells gateways to drop cached search answers.
 */
@Injectable()
export class DoctorDirectory
  extends CollectionReadModel<DirectoryRow>
  implements OnModuleInit, OnModuleDestroy
{
  /** Rebuilt on the first search after a change (doctors change rarely, searches are many). */
  private index: DirectoryIndex | null = null;

  constructor(
    @InjectModel(Doctor.name) private readonly doctors: Model<Doctor>,
    @Inject(NATS_CONNECTION) connection: NatsConnection,
    config: DoctorServiceConfig,
  ) {
    super(
      connection,
      {
        subject: DOCTOR_DIRECTORY_CHANGED,
        instanceId: config.INSTANCE_ID,
        resyncSeconds: config.DIRECTORY_RESYNC_SECONDS,
      },
      DoctorDirectory.name,
    );
  }

  onModuleInit(): Promise<void> {
    return this.start();
  }

  onModuleDestroy(): void {
    this.stop();
  }

  search(query: DoctorSearchQueryDto): Page<DoctorSummary> {
    const criteria = criteriaOf(query);
    const window = pageWindow(query, SEARCH_PAGE_SIZE);
    const items: DoctorSummary[] = [];
    let total = 0;
    this.index ??= new DirectoryIndex(this.entries.values());
    this.index.forEachMatch(criteria, (entry) => {
      if (total >= window.skip && items.length < window.limit) items.push(toDoctorSummary(entry));
      total += 1;
    });
    return toPage(items, total, window);
  }

  /** By `_id` alone: FerretDB uses the index only for exactly that filter (docs/decisions.md). */
  protected async loadOne(doctorId: string): Promise<DirectoryRow | undefined> {
    const doctor = await this.doctors
      .findById(doctorId, { ...DIRECTORY_FIELDS, verificationStatus: 1, accountStatus: 1 })
      .lean<DirectoryEntry & Pick<Doctor, 'verificationStatus' | 'accountStatus'>>()
      .exec();
    return doctor && isListed(doctor) ? toDirectoryRow(doctor) : undefined;
  }

  /** Streamed in batches: the whole result at once would leave its peak in the heap (RSS). */
  protected async *loadAll(): AsyncIterable<[string, DirectoryRow]> {
    const listed = this.doctors
      .find(LISTED_DOCTOR, DIRECTORY_FIELDS)
      .lean<DirectoryEntry>()
      .cursor({ batchSize: RELOAD_BATCH_SIZE });
    for await (const entry of listed) yield [entry._id, toDirectoryRow(entry)];
  }

  protected applied(): void {
    this.index = null;
  }

  protected reloaded(): void {
    this.index = null;
  }
}
