import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { DomainError, type Actor, isDuplicateKey } from '@arogyam/contracts';
import { AppointmentChange } from './change-claim.schema';

/** A change takes milliseconds; a claim this old whose appointment never moved on lost its writer. */
const ABANDONED_AFTER_MS = 30_000;

export interface ClaimedChange {
  id: string;
}

/**
 * Serialises the changes of one appointment. A change reads the appointment at version v,
 * claims `<id>@v` (an insert into a unique `_id`), then writes version v+1 with a filter on v.
 * On MongoDB the filtered write alone would do; FerretDB 1.24 applies an update as
 * read-modify-write, so two filtered updates of one document can both succeed there. The claim
 * makes the race the unique index's, which both databases decide atomically.
 */
@Injectable()
export class ChangeClaims {
  constructor(@InjectModel(AppointmentChange.name) private readonly claims: Model<AppointmentChange>) {}

  async claim(
    appointment: { _id: string; version: number },
    change: string,
    actor: Actor,
  ): Promise<ClaimedChange> {
    const id = `${appointment._id}@${appointment.version}`;
    const claim = {
      _id: id,
      appointmentId: appointment._id,
      version: appointment.version,
      change,
      actorId: actor.userId,
    };
    try {
      await this.claims.create({ ...claim, claimedAt: new Date() });
      return { id };
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    if (await this.clearAbandoned(id)) {
      await this.claims.create({ ...claim, claimedAt: new Date() }).catch((error: unknown) => {
        throw isDuplicateKey(error) ? changedMeanwhile() : error;
      });
      return { id };
    }
    throw changedMeanwhile();
  }

  /** Gives a claim back when its change did not happen, so the next change can take that version. */
  async release(claim: ClaimedChange): Promise<void> {
    await this.claims.deleteOne({ _id: claim.id }).exec();
  }

  /** Removes a claim whose writer died between claim and write (it never moved the version on). */
  private async clearAbandoned(id: string): Promise<boolean> {
    const stale = await this.claims.findById(id, { claimedAt: 1 }).lean<AppointmentChange>().exec();
    if (!stale || Date.now() - stale.claimedAt.getTime() < ABANDONED_AFTER_MS) return false;
    const removed = await this.claims.deleteOne({ _id: id, claimedAt: stale.claimedAt }).exec();
    return removed.deletedCount === 1;
  }
}

const changedMeanwhile = (): DomainError =>
  DomainError.conflict('The appointment was changed at the same moment; reload it and try again.');
