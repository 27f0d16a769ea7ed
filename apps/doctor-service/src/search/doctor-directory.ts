import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { JSONCodec, type NatsConnection, type Subscription } from 'nats';
import type { DoctorSearchQueryDto, DoctorSummary, Page } from '@arogyam/contracts';
import { NATS_CONNECTION } from '@arogyam/messaging';
import { pageWindow, toPage } from '@arogyam/persistence';
import { DoctorServiceConfig } from '../config/doctor-service.config';
import { Doctor } from '../profiles/doctor.schema';
import { toDoctorSummary } from '../profiles/doctor-views';
import { LISTED_DOCTOR } from '../profiles/listed-doctor';
import { DIRECTORY_FIELDS, type DirectoryEntry } from './directory-entry';
import { criteriaOf, listingOrder, matches, toDirectoryRow, type DirectoryRow } from './directory-query';

/** Every instance listens here (no queue group): "this doctor changed, reload them". */
export const DIRECTORY_CHANGED_SUBJECT = 'doctor.directory.changed';

/** A page of search results fits a grid of 3 or 4 cards per row. */
const SEARCH_PAGE_SIZE = 12;

interface DirectoryChange {
  doctorId: string;
  origin: string;
}
const codec = JSONCodec<DirectoryChange>();

/**
 * The listed doctors (approved, active), in memory in listing order, so a search costs
 * microseconds instead of a collection scan: FerretDB's SQLite backend pushes no filter, sort
 * or limit down and scans every document per query (~0.5 s at 10,000 doctors). It is a read
 * model of the `doctors` collection: loaded at start, refreshed per doctor by whichever
 * instance changed them (and by the others on its notification), and fully reloaded every
 * DIRECTORY_RESYNC_SECONDS in case a notification was missed.
 */
@Injectable()
export class DoctorDirectory implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(DoctorDirectory.name);
  private entries = new Map<string, DirectoryRow>();
  private ordered: DirectoryRow[] | null = null;
  /** Doctors refreshed while a full reload was reading; their fresher state wins over its. */
  private refreshedDuringReload: Set<string> | null = null;
  private subscription?: Subscription;
  private timer?: NodeJS.Timeout;

  constructor(
    @InjectModel(Doctor.name) private readonly doctors: Model<Doctor>,
    @Inject(NATS_CONNECTION) private readonly connection: NatsConnection,
    private readonly config: DoctorServiceConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.reloadAll();
    this.subscription = this.connection.subscribe(DIRECTORY_CHANGED_SUBJECT, {
      callback: (error, message) => {
        if (error) return;
        const change = codec.decode(message.data);
        if (change.origin !== this.config.INSTANCE_ID) void this.refresh(change.doctorId);
      },
    });
    this.timer = setInterval(() => void this.reloadAll(), this.config.DIRECTORY_RESYNC_SECONDS * 1000);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
    this.subscription?.unsubscribe();
  }

  /** After this instance changed a doctor: refresh them here, then tell the other instances. */
  async changed(doctorId: string): Promise<void> {
    await this.refresh(doctorId);
    this.connection.publish(
      DIRECTORY_CHANGED_SUBJECT,
      codec.encode({ doctorId, origin: this.config.INSTANCE_ID }),
    );
  }

  search(query: DoctorSearchQueryDto): Page<DoctorSummary> {
    const criteria = criteriaOf(query);
    const window = pageWindow(query, SEARCH_PAGE_SIZE);
    const items: DoctorSummary[] = [];
    let total = 0;
    for (const entry of this.inListingOrder()) {
      if (!matches(entry, criteria)) continue;
      if (total >= window.skip && items.length < window.limit) items.push(toDoctorSummary(entry));
      total += 1;
    }
    return toPage(items, total, window);
  }

  private inListingOrder(): DirectoryRow[] {
    this.ordered ??= [...this.entries.values()].sort(listingOrder);
    return this.ordered;
  }

  private async refresh(doctorId: string): Promise<void> {
    this.refreshedDuringReload?.add(doctorId);
    const entry = await this.doctors
      .findOne({ _id: doctorId, ...LISTED_DOCTOR }, DIRECTORY_FIELDS)
      .lean<DirectoryEntry>()
      .exec();
    if (entry) this.entries.set(doctorId, toDirectoryRow(entry));
    else this.entries.delete(doctorId);
    this.ordered = null;
  }

  private async reloadAll(): Promise<void> {
    if (this.refreshedDuringReload) return;
    this.refreshedDuringReload = new Set();
    try {
      const listed = await this.doctors.find(LISTED_DOCTOR, DIRECTORY_FIELDS).lean<DirectoryEntry[]>().exec();
      const next = new Map(listed.map((entry) => [entry._id, toDirectoryRow(entry)]));
      for (const doctorId of this.refreshedDuringReload) {
        const fresher = this.entries.get(doctorId);
        if (fresher) next.set(doctorId, fresher);
        else next.delete(doctorId);
      }
      this.entries = next;
      this.ordered = null;
    } catch (error) {
      this.logger.warn(`Directory reload failed, keeping the current one: ${(error as Error).message}`);
    } finally {
      this.refreshedDuringReload = null;
    }
  }
}
