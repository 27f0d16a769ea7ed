import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { Events, JSONCodec, type NatsConnection, type Subscription } from 'nats';
import {
  DOCTOR_DIRECTORY_CHANGED,
  type DoctorDirectoryChange,
  type DoctorSearchQueryDto,
  type DoctorSummary,
  type Page,
} from '@arogyam/contracts';
import { NATS_CONNECTION } from '@arogyam/messaging';
import { pageWindow, toPage } from '@arogyam/persistence';
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

const codec = JSONCodec<DoctorDirectoryChange>();

/**
 * The listed doctors (approved, active), in memory and indexed (directory-index.ts), so a search
 * costs microseconds instead of a collection scan: FerretDB's SQLite backend pushes no filter, sort
 * or limit down and scans every document per query (~0.5 s at 10,000 doctors). It is a read
 * model of the `doctors` collection: loaded at start, refreshed per doctor by whichever
 * instance changed them (and by the others on its notification), and fully reloaded after a
 * NATS reconnect (notifications sent meanwhile are lost) and every DIRECTORY_RESYNC_SECONDS as a
 * last safety net.
 */
@Injectable()
export class DoctorDirectory implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(DoctorDirectory.name);
  private entries = new Map<string, DirectoryRow>();
  /** Rebuilt on the first search after a change. */
  private index: DirectoryIndex | null = null;
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
    this.subscription = this.connection.subscribe(DOCTOR_DIRECTORY_CHANGED, {
      callback: (error, message) => {
        if (error) return;
        const change = codec.decode(message.data);
        if (change.origin !== this.config.INSTANCE_ID) void this.refresh(change.doctorId);
      },
    });
    void this.reloadAfterReconnects();
    this.timer = setInterval(() => void this.reloadAll(), this.config.DIRECTORY_RESYNC_SECONDS * 1000);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
    this.subscription?.unsubscribe();
  }

  /** Change notifications are plain NATS messages: the ones sent while disconnected are lost. */
  private async reloadAfterReconnects(): Promise<void> {
    for await (const status of this.connection.status()) {
      if (status.type === Events.Reconnect) void this.reloadAll();
    }
  }

  /** After this instance changed a doctor: refresh them here, then tell the other instances. */
  async changed(doctorId: string): Promise<void> {
    await this.refresh(doctorId);
    this.connection.publish(
      DOCTOR_DIRECTORY_CHANGED,
      codec.encode({ doctorId, origin: this.config.INSTANCE_ID }),
    );
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

  private async refresh(doctorId: string): Promise<void> {
    this.refreshedDuringReload?.add(doctorId);
    // By `_id` alone: FerretDB uses the index only for exactly that filter (docs/decisions.md).
    const doctor = await this.doctors
      .findById(doctorId, { ...DIRECTORY_FIELDS, verificationStatus: 1, accountStatus: 1 })
      .lean<DirectoryEntry & Pick<Doctor, 'verificationStatus' | 'accountStatus'>>()
      .exec();
    if (doctor && isListed(doctor)) this.entries.set(doctorId, toDirectoryRow(doctor));
    else this.entries.delete(doctorId);
    this.index = null;
  }

  private async reloadAll(): Promise<void> {
    if (this.refreshedDuringReload) return;
    this.refreshedDuringReload = new Set();
    try {
      // Streamed in batches: the whole result at once would leave its peak in the heap (RSS).
      const next = new Map<string, DirectoryRow>();
      const listed = this.doctors
        .find(LISTED_DOCTOR, DIRECTORY_FIELDS)
        .lean<DirectoryEntry>()
        .cursor({ batchSize: RELOAD_BATCH_SIZE });
      for await (const entry of listed) next.set(entry._id, toDirectoryRow(entry));
      for (const doctorId of this.refreshedDuringReload) {
        const fresher = this.entries.get(doctorId);
        if (fresher) next.set(doctorId, fresher);
        else next.delete(doctorId);
      }
      this.entries = next;
      this.index = null;
    } catch (error) {
      this.logger.warn(`Directory reload failed, keeping the current one: ${(error as Error).message}`);
    } finally {
      this.refreshedDuringReload = null;
    }
  }
}
