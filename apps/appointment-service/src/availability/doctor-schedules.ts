import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { NatsConnection } from 'nats';
import { NATS_CONNECTION } from '@arogyam/messaging';
import { CollectionReadModel } from '@arogyam/persistence';
import { AppointmentServiceConfig } from '../config/appointment-service.config';
import { Availability } from './availability.schema';

/** Between appointment-service instances only: "this doctor's schedule changed". */
export const SCHEDULES_CHANGED = 'appointment.schedules.changed';

const RELOAD_BATCH_SIZE = 1000;

/**
 * Every doctor's published schedule, in memory per instance, for what is shown rather than
 * decided: slot listings and the queue's time zone. A listing read the schedule from the
 * database each time (on FerretDB about a third of its cost under load). Booking still reads the
 * stored schedule, so what a patient may book never depends on a change notice having arrived.
 * Kept in step across instances by CollectionReadModel; `set` calls `changed`.
 */
@Injectable()
export class DoctorSchedules
  extends CollectionReadModel<Availability>
  implements OnModuleInit, OnModuleDestroy
{
  constructor(
    @InjectModel(Availability.name) private readonly availabilities: Model<Availability>,
    @Inject(NATS_CONNECTION) connection: NatsConnection,
    config: AppointmentServiceConfig,
  ) {
    super(
      connection,
      {
        subject: SCHEDULES_CHANGED,
        instanceId: config.INSTANCE_ID,
        resyncSeconds: config.READ_MODELS_RESYNC_SECONDS,
      },
      DoctorSchedules.name,
    );
  }

  onModuleInit(): Promise<void> {
    return this.start();
  }

  onModuleDestroy(): void {
    this.stop();
  }

  /** The doctor's schedule, or undefined if they have published none. */
  of(doctorId: string): Availability | undefined {
    return this.entries.get(doctorId);
  }

  protected async loadOne(doctorId: string): Promise<Availability | undefined> {
    return (await this.availabilities.findById(doctorId).lean<Availability>().exec()) ?? undefined;
  }

  protected async *loadAll(): AsyncIterable<[string, Availability]> {
    const all = this.availabilities.find().lean<Availability>().cursor({ batchSize: RELOAD_BATCH_SIZE });
    for await (const schedule of all) yield [schedule._id, schedule];
  }

  // The entries map is the only index.
  protected applied(): void {}

  protected reloaded(): void {}
}
