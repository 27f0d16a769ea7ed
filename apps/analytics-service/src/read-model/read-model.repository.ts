import { Injectable } from '@nestjs/common';
import { InjectModel, type ModelDefinition } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { isDuplicateKey } from '@arogyam/contracts';
import { insertEachMissing, utcDay, utcDaysBetween, writeUnlessNewerStored } from '@arogyam/persistence';
import type {
  ConsultationFact,
  PaymentFact,
  ReviewFact,
  ScheduleFact,
  SignupFact,
} from '../event-log/analytics-fact';
import { Consultation, ConsultationSchema } from './consultation.schema';
import { GivenRefund, GivenRefundSchema } from './given-refund.schema';
import { PaidPayment, PaidPaymentSchema } from './paid-payment.schema';
import { PublishedSchedule, PublishedScheduleSchema } from './published-schedule.schema';
import { Rating, RatingSchema } from './rating.schema';
import { Signup, SignupSchema } from './signup.schema';

// A report reads each collection by the UTC days its range touches (`inRange`): FerretDB pushes
// equality and `$in` down to an index but reads every document for a range (time-buckets.ts).
for (const schema of [ConsultationSchema, PaidPaymentSchema, GivenRefundSchema, SignupSchema, RatingSchema])
  schema.index({ day: 1 });

export const readModelModels: ModelDefinition[] = [
  { name: Consultation.name, schema: ConsultationSchema },
  { name: PaidPayment.name, schema: PaidPaymentSchema },
  { name: GivenRefund.name, schema: GivenRefundSchema },
  { name: Signup.name, schema: SignupSchema },
  { name: Rating.name, schema: RatingSchema },
  { name: PublishedSchedule.name, schema: PublishedScheduleSchema },
];

/** What one report reads: each collection's documents of the range. */
export interface RangeDocuments {
  consultations: Consultation[];
  payments: PaidPayment[];
  refunds: GivenRefund[];
  signups: Signup[];
  ratings: Rating[];
  /** Every schedule published before the range's end, oldest first (the one in force at its start too). */
  schedules: PublishedSchedule[];
}

/** The stored consultation of the appointment as of `version` (its `_id` aside). */
const consultationOf = (fact: ConsultationFact, version: string): Omit<Consultation, '_id'> => {
  const startAt = new Date(fact.startAt);
  return {
    doctorId: fact.doctorId,
    specialty: fact.specialty,
    startAt,
    day: utcDay(startAt),
    endAt: new Date(fact.endAt),
    status: fact.status,
    late: fact.late,
    version,
  };
};

/** A write that is a repeat (or lost to a newer one) meets the unique `_id`: that is the answer, not an error. */
async function once(write: Promise<unknown>): Promise<void> {
  try {
    await write;
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
}

/**
 * Every read and write of the read model. Every write is idempotent and order-tolerant: facts
 * that never change are inserted once by their id, and an appointment moves only to a newer version.
 */
@Injectable()
export class ReadModelRepository {
  constructor(
    @InjectModel(Consultation.name) private readonly consultations: Model<Consultation>,
    @InjectModel(PaidPayment.name) private readonly payments: Model<PaidPayment>,
    @InjectModel(GivenRefund.name) private readonly refunds: Model<GivenRefund>,
    @InjectModel(Signup.name) private readonly signups: Model<Signup>,
    @InjectModel(Rating.name) private readonly ratings: Model<Rating>,
    @InjectModel(PublishedSchedule.name) private readonly schedules: Model<PublishedSchedule>,
  ) {}

  /** The appointment as of `version`, unless a newer version is stored (writeUnlessNewerStored). */
  consultation(fact: ConsultationFact, version: string): Promise<void> {
    return writeUnlessNewerStored(() =>
      this.consultations
        .updateOne(
          { _id: fact.appointmentId, version: { $lt: version } },
          { $set: consultationOf(fact, version) },
          {
            upsert: true,
          },
        )
        .exec(),
    );
  }

  /**
   * Each appointment as of its version, as `consultation` would leave it, for many at once: the
   * newest version of each appointment not stored yet (a batch of bookings) is inserted with the
   * others (insertEachMissing); any other version is written one by one.
   */
  async consultationsEach(versions: Array<{ fact: ConsultationFact; version: string }>): Promise<void> {
    const newest = new Map<string, { fact: ConsultationFact; version: string }>();
    for (const entry of versions) {
      const kept = newest.get(entry.fact.appointmentId);
      if (!kept || kept.version < entry.version) newest.set(entry.fact.appointmentId, entry);
    }
    const inserted = await insertEachMissing(
      this.consultations,
      [...newest.values()].map(({ fact, version }) => ({
        _id: fact.appointmentId,
        ...consultationOf(fact, version),
      })),
    );
    for (const entry of versions)
      if (!(inserted.has(entry.fact.appointmentId) && newest.get(entry.fact.appointmentId) === entry))
        await this.consultation(entry.fact, entry.version);
  }

  /** The payment once, and each of its refunds once (a later event lists the earlier refunds again). */
  async payment(fact: PaymentFact): Promise<void> {
    await this.insertOnce(this.payments, fact.paymentId, {
      appointmentId: fact.appointmentId,
      doctorId: fact.doctorId,
      amount: fact.amount,
      paidAt: new Date(fact.paidAt),
      day: utcDay(new Date(fact.paidAt)),
    });
    for (const refund of fact.refunds)
      await this.insertOnce(this.refunds, refund.refundId, {
        paymentId: fact.paymentId,
        amount: refund.amount,
        at: new Date(refund.at),
        day: utcDay(new Date(refund.at)),
      });
  }

  signup(fact: SignupFact, at: Date): Promise<void> {
    return this.insertOnce(this.signups, fact.userId, { role: fact.role, at, day: utcDay(at) });
  }

  rating(fact: ReviewFact): Promise<void> {
    return this.insertOnce(this.ratings, fact.appointmentId, {
      doctorId: fact.doctorId,
      stars: fact.rating,
      at: new Date(fact.at),
      day: utcDay(new Date(fact.at)),
    });
  }

  schedule(fact: ScheduleFact, eventId: string, from: Date): Promise<void> {
    return this.insertOnce(this.schedules, eventId, {
      doctorId: fact.doctorId,
      from,
      timezone: fact.timezone,
      weekly: fact.weekly,
      unavailableDates: fact.unavailableDates,
    });
  }

  private insertOnce<T>(model: Model<T>, id: string, fields: Record<string, unknown>): Promise<void> {
    return once(model.updateOne({ _id: id }, { $setOnInsert: fields }, { upsert: true }).exec());
  }

  /** Empties every collection of the read model (the event log stays). */
  async empty(): Promise<void> {
    await this.consultations.deleteMany({}).exec();
    await this.payments.deleteMany({}).exec();
    await this.refunds.deleteMany({}).exec();
    await this.signups.deleteMany({}).exec();
    await this.ratings.deleteMany({}).exec();
    await this.schedules.deleteMany({}).exec();
  }

  /**
   * The documents of the instants [start, end): by the UTC days the range touches (an index), and
   * the instant itself, which decides exactly. Schedules are read whole (see the decisions).
   */
  async inRange(start: Date, end: Date): Promise<RangeDocuments> {
    const days = { $in: utcDaysBetween(start, end) };
    const within = { $gte: start, $lt: end };
    const [consultations, payments, refunds, signups, ratings, schedules] = await Promise.all([
      this.consultations.find({ day: days, startAt: within }, { version: 0 }).lean<Consultation[]>().exec(),
      this.payments.find({ day: days, paidAt: within }).lean<PaidPayment[]>().exec(),
      this.refunds.find({ day: days, at: within }).lean<GivenRefund[]>().exec(),
      this.signups.find({ day: days, at: within }).lean<Signup[]>().exec(),
      this.ratings.find({ day: days, at: within }).lean<Rating[]>().exec(),
      this.publishedSchedules(end),
    ]);
    return { consultations, payments, refunds, signups, ratings, schedules };
  }

  /**
   * Every schedule published before `end`. Read whole: a handful per doctor (one per change of
   * hours), and the one in force at the range's start may be of any age, which no day key finds.
   */
  private publishedSchedules(end: Date): Promise<PublishedSchedule[]> {
    return this.schedules
      .find({})
      .lean<PublishedSchedule[]>()
      .exec()
      .then((all) => all.filter((schedule) => new Date(schedule.from) < end));
  }
}
